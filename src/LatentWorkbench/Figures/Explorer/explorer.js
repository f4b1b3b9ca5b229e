// The latent explorer's page script (LatentWorkbench, Figures/Explorer). Self-contained: no library, no network.
// Mounts on a <div id=ID> whose data is the JSON in <script type="application/json" id="ID-data">.
// The decoder runs as DecoderProgramEvaluator.cs does in C#: float32 weights, sums in double, same loop order.
(function () {
  'use strict';

  function bytes(base64) {
    const text = atob(base64);
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }

  function floats(base64) {
    const b = bytes(base64);
    return new Float32Array(b.buffer, 0, b.length / 4);
  }

  // The decoder program: ops on one example (a flat vector [n] or a feature map [C, H, W]).
  function prepare(program) {
    for (const op of program.ops) {
      if (op.weight) op.w = floats(op.weight);
      if (op.bias) op.b = floats(op.bias);
    }
    return program;
  }

  function decode(program, z, label) {
    let x = Float64Array.from(z);
    let shape = [x.length];
    for (const op of program.ops) {
      switch (op.kind) {
        case 'linear': {
          const y = new Float64Array(op.out);
          for (let o = 0; o < op.out; o++) {
            let sum = op.b[o];
            const row = o * op.in;
            for (let i = 0; i < op.in; i++) sum += op.w[row + i] * x[i];
            y[o] = sum;
          }
          x = y; shape = [op.out];
          break;
        }
        case 'relu': for (let i = 0; i < x.length; i++) x[i] = x[i] > 0 ? x[i] : 0; break;
        case 'leakyRelu': for (let i = 0; i < x.length; i++) x[i] = x[i] >= 0 ? x[i] : op.slope * x[i]; break;
        case 'sigmoid': for (let i = 0; i < x.length; i++) x[i] = 1 / (1 + Math.exp(-x[i])); break;
        case 'tanh': for (let i = 0; i < x.length; i++) x[i] = Math.tanh(x[i]); break;
        case 'reshape': shape = op.shape.slice(); break;
        case 'concatLabel': {
          const y = new Float64Array(x.length + op.classes);
          y.set(x);
          y[x.length + label] = 1;
          x = y; shape = [y.length];
          break;
        }
        case 'conv2d': {
          const [c, h, w] = shape, k = op.kernelSize, s = op.stride, p = op.padding;
          const oh = Math.floor((h + 2 * p - k) / s) + 1, ow = Math.floor((w + 2 * p - k) / s) + 1;
          const y = new Float64Array(op.outChannels * oh * ow);
          for (let o = 0; o < op.outChannels; o++) {
            for (let oy = 0; oy < oh; oy++) {
              for (let ox = 0; ox < ow; ox++) {
                let sum = op.b[o];
                for (let i = 0; i < c; i++) {
                  for (let ky = 0; ky < k; ky++) {
                    const iy = oy * s - p + ky;
                    if (iy < 0 || iy >= h) continue;
                    for (let kx = 0; kx < k; kx++) {
                      const ix = ox * s - p + kx;
                      if (ix >= 0 && ix < w) sum += op.w[(((o * c + i) * k + ky) * k) + kx] * x[(i * h + iy) * w + ix];
                    }
                  }
                }
                y[(o * oh + oy) * ow + ox] = sum;
              }
            }
          }
          x = y; shape = [op.outChannels, oh, ow];
          break;
        }
        case 'convTranspose2d': {
          // Scatter form: input pixel (iy, ix) adds weight·value at output (iy·s − p + ky, ix·s − p + kx).
          const [c, h, w] = shape, k = op.kernelSize, s = op.stride, p = op.padding, oc = op.outChannels;
          const oh = (h - 1) * s - 2 * p + k + op.outputPadding, ow = (w - 1) * s - 2 * p + k + op.outputPadding;
          const y = new Float64Array(oc * oh * ow);
          for (let o = 0; o < oc; o++) y.fill(op.b[o], o * oh * ow, (o + 1) * oh * ow);
          for (let i = 0; i < c; i++) {
            for (let iy = 0; iy < h; iy++) {
              for (let ix = 0; ix < w; ix++) {
                const v = x[(i * h + iy) * w + ix];
                for (let o = 0; o < oc; o++) {
                  for (let ky = 0; ky < k; ky++) {
                    const oy = iy * s - p + ky;
                    if (oy < 0 || oy >= oh) continue;
                    for (let kx = 0; kx < k; kx++) {
                      const ox = ix * s - p + kx;
                      if (ox >= 0 && ox < ow) y[(o * oh + oy) * ow + ox] += op.w[(((i * oc + o) * k + ky) * k) + kx] * v;
                    }
                  }
                }
              }
            }
          }
          x = y; shape = [oc, oh, ow];
          break;
        }
        default: throw new Error('Unknown decoder op ' + op.kind);
      }
    }
    return x;
  }

  function element(tag, attributes, parent, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  function digitCanvas(parent, side, cssSize, caption) {
    const figure = element('figure', { style: 'margin:0 6px 4px 0;display:inline-block;text-align:center' }, parent);
    const canvas = element('canvas', { width: side, height: side, style: `width:${cssSize}px;height:${cssSize}px;image-rendering:pixelated;border:1px solid #ccc;background:#000` }, figure);
    const label = element('figcaption', { style: 'font-size:11px;color:#444' }, figure, caption || '');
    return { canvas, label };
  }

  function paintPixels(canvas, side, pixels) {
    const ctx = canvas.getContext('2d');
    const image = ctx.createImageData(side, side);
    for (let i = 0; i < side * side; i++) {
      const v = Math.max(0, Math.min(255, Math.round(pixels[i] * 255)));
      image.data[4 * i] = v; image.data[4 * i + 1] = v; image.data[4 * i + 2] = v; image.data[4 * i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }

  function mount(id) {
    const root = document.getElementById(id);
    const data = JSON.parse(document.getElementById(id + '-data').textContent);
    const n = data.count, k = data.latentSize, side = data.side;
    const codes = floats(data.codes), labels = bytes(data.labels);
    const program = data.decoder ? prepare(data.decoder) : null;
    const views = data.views.map(v => Object.assign(v, { xy: floats(v.coordinates) }));
    const state = { view: 0, label: 0, kind: 'none', index: -1, latent: null, pixels: null, plane: [0, 0], sliders: {} };
    const sprite = new Image();

    root.innerHTML = '';
    root.style.cssText = 'font:12px Helvetica, Arial, sans-serif;color:#222;max-width:980px';
    element('div', { style: 'font-weight:bold;font-size:14px;margin-bottom:4px' }, root, data.title);
    const bar = element('div', { style: 'margin-bottom:6px' }, root);
    element('span', {}, bar, 'View: ');
    const viewSelect = element('select', {}, bar);
    views.forEach((v, i) => element('option', { value: i }, viewSelect, v.name));
    let labelButtons = [];
    if (program && program.classes > 0) {
      element('span', { style: 'margin-left:12px' }, bar, 'Label: ');
      labelButtons = Array.from({ length: program.classes }, (_, c) => {
        const b = element('button', { type: 'button', style: 'margin-right:2px' }, bar, String(c));
        b.addEventListener('click', () => { state.label = c; paintLabelButtons(); redecode(); });
        return b;
      });
    }
    const message = element('div', { style: 'color:#a33;margin:4px 0' }, root, data.problem || '');
    const body = element('div', { style: 'display:flex;gap:14px;align-items:flex-start' }, root);
    const plot = element('div', { style: `position:relative;width:${data.plotSize}px;height:${data.plotSize}px;border:1px solid #ddd;flex:none` }, body);
    const dpr = window.devicePixelRatio || 1;
    const layer = (cursor) => element('canvas', { width: Math.round(data.plotSize * dpr), height: Math.round(data.plotSize * dpr), style: `position:absolute;left:0;top:0;width:${data.plotSize}px;height:${data.plotSize}px${cursor ? ';cursor:crosshair' : ''}` }, plot);
    const points = layer(false), overlay = layer(true);
    const side_ = element('div', { style: 'flex:1;min-width:300px' }, body);
    const pair = element('div', {}, side_);
    const original = digitCanvas(pair, side, 112, 'original');
    const decoded = digitCanvas(pair, side, 112, 'decoded');
    const info = element('div', { style: 'margin:4px 0 8px 0;min-height:32px;white-space:pre-line' }, side_, program ? 'Hover a point, or empty space on a latent plane.' : 'Hover a point.');
    element('div', { style: 'font-weight:bold' }, side_, `Nearest neighbours in latent space (${data.neighbours} digits nearest to z)`);
    const neighbourRow = element('div', {}, side_);
    const neighbourCells = Array.from({ length: data.neighbours }, () => digitCanvas(neighbourRow, side, 44, ''));
    let styleCells = [];
    if (program && program.classes > 0) {
      element('div', { style: 'font-weight:bold;margin-top:6px' }, side_, 'This style (the latent point) rendered as every label');
      const styleRow = element('div', {}, side_);
      styleCells = Array.from({ length: program.classes }, (_, c) => digitCanvas(styleRow, side, 40, String(c)));
    }
    const sliderBox = element('div', { style: 'margin-top:6px' }, side_);

    function paintLabelButtons() {
      labelButtons.forEach((b, c) => { b.style.fontWeight = c === state.label ? 'bold' : 'normal'; b.style.background = c === state.label ? '#dde' : ''; });
    }

    // Screen mapping of the current view: data coordinates → CSS pixels inside the plot, 4% margin.
    function frame(view) {
      if (!view.frame) {
        let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
        for (let i = 0; i < n; i++) {
          const x = view.xy[2 * i], y = view.xy[2 * i + 1];
          if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
        }
        const span = Math.max(x1 - x0, y1 - y0, 1e-9) * 1.08, cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        view.frame = { cx, cy, scale: data.plotSize / span };
      }
      return view.frame;
    }
    const toScreen = (view, x, y) => { const f = frame(view); return [data.plotSize / 2 + (x - f.cx) * f.scale, data.plotSize / 2 - (y - f.cy) * f.scale]; };
    const toData = (view, sx, sy) => { const f = frame(view); return [f.cx + (sx - data.plotSize / 2) / f.scale, f.cy - (sy - data.plotSize / 2) / f.scale]; };

    function drawPoints() {
      const view = views[state.view], ctx = points.getContext('2d');
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, data.plotSize, data.plotSize);
      ctx.globalAlpha = 0.75;
      for (let i = 0; i < n; i++) {
        const [sx, sy] = toScreen(view, view.xy[2 * i], view.xy[2 * i + 1]);
        ctx.fillStyle = data.palette[labels[i] % data.palette.length];
        ctx.fillRect(sx - 1.25, sy - 1.25, 2.5, 2.5);
      }
      ctx.globalAlpha = 1;
      ctx.fillStyle = '#555';
      ctx.fillText(view.name + (view.kind === 'plane' ? '  (empty space decodes)' : '  (a map: hover points)'), 6, 14);
    }

    function drawMarks(indices, cursor) {
      const view = views[state.view], ctx = overlay.getContext('2d');
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, data.plotSize, data.plotSize);
      ctx.lineWidth = 1.5;
      indices.forEach((i, j) => {
        const [sx, sy] = toScreen(view, view.xy[2 * i], view.xy[2 * i + 1]);
        const hovered = j === 0 && !cursor;
        ctx.strokeStyle = hovered ? '#000' : '#777';
        ctx.beginPath(); ctx.arc(sx, sy, hovered ? 6 : 4, 0, 2 * Math.PI); ctx.stroke();
      });
      if (cursor) {
        ctx.strokeStyle = '#000';
        ctx.beginPath(); ctx.moveTo(cursor[0] - 6, cursor[1]); ctx.lineTo(cursor[0] + 6, cursor[1]); ctx.moveTo(cursor[0], cursor[1] - 6); ctx.lineTo(cursor[0], cursor[1] + 6); ctx.stroke();
      }
    }

    function thumbnail(cell, i) {
      const ctx = cell.canvas.getContext('2d');
      const column = i % data.spriteColumns, row = Math.floor(i / data.spriteColumns);
      ctx.clearRect(0, 0, side, side);
      if (sprite.complete) ctx.drawImage(sprite, column * side, row * side, side, side, 0, 0, side, side);
    }

    function code(i) { return Array.from(codes.subarray(i * k, (i + 1) * k)); }

    // The `count` digits whose codes are nearest to z (Euclidean), leaving out digit `skip`.
    function nearestNeighbours(z, count, skip) {
      const best = [];
      for (let j = 0; j < n; j++) {
        if (j === skip) continue;
        let d = 0;
        for (let t = 0; t < k; t++) { const e = z[t] - codes[j * k + t]; d += e * e; }
        if (best.length < count || d < best[best.length - 1][0]) {
          best.push([d, j]); best.sort((a, b) => a[0] - b[0]);
          if (best.length > count) best.pop();
        }
      }
      return best.map(b => b[1]);
    }

    function sliders(view) { return (view.sliders || []).concat(data.traversals); }

    // A latent plane's point: z = origin + a·d₁ + b·d₂ + Σ sᵢ·vᵢ over its sliders (off-plane directions, traversals).
    function planeLatent(view, a, b) {
      const z = view.origin.slice();
      for (let t = 0; t < k; t++) z[t] += a * view.axes[0][t] + b * view.axes[1][t];
      for (const s of sliders(view)) {
        const value = state.sliders[s.name] || 0;
        for (let t = 0; t < k; t++) z[t] += value * s.direction[t];
      }
      return z;
    }

    function showNeighbours(z, skip) {
      const near = nearestNeighbours(z, data.neighbours, skip);
      neighbourCells.forEach((cell, j) => { if (j < near.length) { thumbnail(cell, near[j]); cell.label.textContent = String(labels[near[j]]); } });
      return near;
    }

    function showStyles(z) {
      styleCells.forEach((cell, c) => paintPixels(cell.canvas, side, decode(program, z, c)));
    }

    function showPoint(i) {
      const z = code(i), label = labels[i];
      state.kind = 'point'; state.index = i; state.latent = z; state.label = program && program.classes > 0 ? label : state.label;
      thumbnail(original, i);
      original.label.textContent = 'digit #' + i;
      if (program) {
        state.pixels = Array.from(decode(program, z, label));
        paintPixels(decoded.canvas, side, state.pixels);
        decoded.label.textContent = 'reconstruction';
        showStyles(z);
      } else {
        state.pixels = null;
      }
      paintLabelButtons();
      info.textContent = `label ${label} · digit #${i}\nz = (${z.map(v => v.toFixed(2)).join(', ')})`;
      const near = showNeighbours(z, i);
      drawMarks([i].concat(near), null);
    }

    function showLatent(a, b, cursor) {
      const view = views[state.view];
      const z = planeLatent(view, a, b);
      state.kind = 'latent'; state.index = -1; state.latent = z; state.plane = [a, b];
      state.pixels = Array.from(decode(program, z, state.label));
      paintPixels(decoded.canvas, side, state.pixels);
      decoded.label.textContent = 'decoded here' + (program.classes > 0 ? ' as ' + state.label : '');
      original.canvas.getContext('2d').clearRect(0, 0, side, side);
      original.label.textContent = '(no digit here)';
      showStyles(z);
      info.textContent = `${view.axisNames[0]} = ${a.toFixed(2)}, ${view.axisNames[1]} = ${b.toFixed(2)}\nz = (${z.map(v => v.toFixed(2)).join(', ')})`;
      const near = showNeighbours(z, -1);
      drawMarks(near, cursor || toScreen(view, a, b));
    }

    function redecode() {
      if (!program) return;
      if (state.kind === 'point') showPoint(state.index);
      else if (views[state.view].kind === 'plane') showLatent(state.plane[0], state.plane[1]);
    }

    function hover(sx, sy) {
      const view = views[state.view];
      let best = -1, bestDistance = 5 * 5;   // a point within 5 CSS pixels is "hovered"
      for (let i = 0; i < n; i++) {
        const [px, py] = toScreen(view, view.xy[2 * i], view.xy[2 * i + 1]);
        const d = (px - sx) * (px - sx) + (py - sy) * (py - sy);
        if (d < bestDistance) { bestDistance = d; best = i; }
      }
      if (best >= 0) { showPoint(best); return; }
      if (program && view.kind === 'plane') { const [a, b] = toData(view, sx, sy); showLatent(a, b, [sx, sy]); return; }
      state.kind = 'none'; state.index = -1; state.latent = null; state.pixels = null;
      info.textContent = program ? 'This view is a map (t-SNE/UMAP): only its points have codes. Empty space decodes on latent planes.' : 'Hover a point.';
      drawMarks([], null);
    }

    function buildSliders() {
      sliderBox.innerHTML = '';
      const view = views[state.view];
      if (!program || view.kind !== 'plane') return;
      const groups = [['Off the plane', view.sliders || []], ['Traversals', data.traversals]];
      for (const [title, list] of groups) {
        if (list.length === 0) continue;
        const details = element('details', { open: '' }, sliderBox);
        element('summary', { style: 'font-weight:bold;cursor:pointer' }, details, `${title} (${list.length})`);
        for (const s of list) {
          const row = element('div', { style: 'display:flex;align-items:center;gap:6px' }, details);
          element('span', { style: 'width:110px;overflow:hidden;white-space:nowrap' }, row, s.name);
          const input = element('input', { type: 'range', min: -s.range, max: s.range, step: s.range / 50, value: state.sliders[s.name] || 0, style: 'flex:1' }, row);
          const readout = element('span', { style: 'width:44px;text-align:right' }, row, (state.sliders[s.name] || 0).toFixed(2));
          input.addEventListener('input', () => { state.sliders[s.name] = Number(input.value); readout.textContent = Number(input.value).toFixed(2); if (state.kind !== 'point') showLatent(state.plane[0], state.plane[1]); });
        }
      }
      const reset = element('button', { type: 'button', style: 'margin-top:4px' }, sliderBox, 'Reset sliders');
      reset.addEventListener('click', () => { state.sliders = {}; buildSliders(); redecode(); });
    }

    function setView(i) {
      state.view = i; viewSelect.value = String(i);
      drawPoints(); drawMarks([], null); buildSliders();
    }

    let pending = null;
    overlay.addEventListener('mousemove', e => {
      const r = overlay.getBoundingClientRect();
      pending = [e.clientX - r.left, e.clientY - r.top];
      // Synchronous so a test's dispatched event has its result at once; decoding takes about a millisecond.
      hover(pending[0], pending[1]);
    });
    viewSelect.addEventListener('change', () => setView(Number(viewSelect.value)));
    paintLabelButtons();

    const api = {
      ready: false,
      readyMs: null,
      state: () => ({ kind: state.kind, index: state.index, latent: state.latent, label: state.label, pixels: state.pixels, view: state.view }),
      clientPositionOf: i => { const v = views[state.view], r = overlay.getBoundingClientRect(), [sx, sy] = toScreen(v, v.xy[2 * i], v.xy[2 * i + 1]); return { x: r.left + sx, y: r.top + sy }; },
      // A place of the plot at least `clearance` CSS pixels from every point (scanning a grid), or null.
      emptySpot: clearance => {
        const v = views[state.view], r = overlay.getBoundingClientRect();
        for (let gy = 20; gy < data.plotSize - 20; gy += 7) {
          for (let gx = 20; gx < data.plotSize - 20; gx += 7) {
            let ok = true;
            for (let i = 0; i < n && ok; i++) { const [px, py] = toScreen(v, v.xy[2 * i], v.xy[2 * i + 1]); ok = (px - gx) * (px - gx) + (py - gy) * (py - gy) >= clearance * clearance; }
            if (ok) return { x: r.left + gx, y: r.top + gy };
          }
        }
        return null;
      },
      decode: (z, label) => program ? Array.from(decode(program, z, label || 0)) : null,
      setView, setLabel: c => { state.label = c; paintLabelButtons(); redecode(); },
      setSlider: (name, value) => { state.sliders[name] = value; buildSliders(); redecode(); },
      views: () => views.map(v => ({ name: v.name, kind: v.kind })),
    };
    window.latentExplorers = window.latentExplorers || {};
    window.latentExplorers[id] = api;
    window.latentExplorer = api;
    sprite.onload = () => { api.ready = true; api.readyMs = performance.now(); };
    sprite.src = data.sprite;
    setView(0);
  }

  window.LatentWorkbenchExplorer = { mount, decode };
})();
