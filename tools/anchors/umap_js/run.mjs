// Reference UMAP for `workbench bench umap --reference`: umap-js 1.4.0 on the same matrix our UMAP gets.
// Usage: node run.mjs <input.f32> <rows> <cols> <nNeighbors> <minDist> <nEpochs|0=auto> <seed> <output.f32>
// Input: row-major float32 (little-endian). Output: the embedding, rows × 2 float32. Prints one JSON line:
// {"seconds": fit wall seconds, "cpu_seconds": its user + system CPU, "epochs": epochs run}. The random source is a seeded mulberry32 so a run repeats.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { UMAP } from 'umap-js';

const [input, rowsText, colsText, neighborsText, minDistText, epochsText, seedText, output] = process.argv.slice(2);
if (!output) {
  console.error('usage: node run.mjs <input.f32> <rows> <cols> <nNeighbors> <minDist> <nEpochs|0> <seed> <output.f32>');
  process.exit(2);
}

const rows = Number(rowsText), cols = Number(colsText);
const bytes = readFileSync(input);
const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
if (values.length !== rows * cols) {
  console.error(`${input} holds ${values.length} floats; expected ${rows} × ${cols}`);
  process.exit(2);
}

const data = new Array(rows);
for (let i = 0; i < rows; i++) {
  data[i] = Array.from(values.subarray(i * cols, (i + 1) * cols));
}

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6D2B79F5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const umap = new UMAP({
  nComponents: 2,
  nNeighbors: Number(neighborsText),
  minDist: Number(minDistText),
  nEpochs: Number(epochsText),
  random: mulberry32(Number(seedText)),
});
const start = performance.now();
const cpuStart = process.cpuUsage();
const embedding = umap.fit(data);
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);

const result = new Float32Array(rows * 2);
for (let i = 0; i < rows; i++) {
  result[2 * i] = embedding[i][0];
  result[2 * i + 1] = embedding[i][1];
}

writeFileSync(output, Buffer.from(result.buffer));
console.log(JSON.stringify({ seconds, cpu_seconds: (cpu.user + cpu.system) / 1e6, epochs: umap.getNEpochs() }));
