using System.Diagnostics;
using LatentWorkbench.Kernels;

namespace LatentWorkbench.Reduction.Umap;

/// <summary>
/// Stage 4 of UMAP: the SGD layout with negative sampling (umap-learn's <c>optimize_layout_euclidean</c>), made
/// deterministic under parallelism.
/// </summary>
/// <remarks>
/// <para>
/// Edges are sampled in proportion to their weight: edge e is processed every wₘₐₓ / wₑ epochs (edges below
/// wₘₐₓ / epochs never), and each time it is, its head y moves toward its tail z by α·clip(−2ab·d^(2(b−1)) /
/// (1 + a·d^(2b)) · (y − z)) and away from <see cref="UmapOptions.NegativeSampleRate"/> random points z′ by
/// α·clip(2γb / ((0.001 + d²)(1 + a·d^(2b))) · (y − z′)), with d² = ‖y − z‖², clip to [−4, 4], and α decaying
/// linearly from the learning rate to 0.
/// </para>
/// <para>
/// Determinism: within an epoch every point reads the other points from a snapshot taken at the start of the epoch
/// and writes only itself (its own updates chain in place, edge by edge, as in umap-learn), and each point draws
/// its negative samples from its own random stream (xorshift64*, seeded from the seed and the point's index). So the
/// result depends on neither the partition of the points nor the thread count: the same seed gives bit-identical
/// layouts. Since a point no longer moves its edge's tail, the attraction it applies to itself is doubled: the
/// reverse edge (the graph is symmetric) supplies the tail's half, as umap-learn's move-both update does.
/// </para>
/// </remarks>
internal static class UmapLayout
{
    private const float Clip = 4f;
    private const int MinPointsPerRange = 512;

    /// <summary>Optimises <paramref name="initial"/> (N×dims, not modified) against <paramref name="graph"/> and returns the layout and the epochs run.</summary>
    public static (float[] Points, int Epochs) Optimize(FuzzySimplicialSet graph, float[] initial, int dims, double a, double b, UmapOptions options,
        UmapCallback? callback = null, Stopwatch? clock = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(options);
        int n = graph.Count;
        if (initial.Length != n * dims)
        {
            throw new ArgumentException($"initial has {initial.Length} values; expected N × dims = {n} × {dims}.", nameof(initial));
        }

        clock ??= Stopwatch.StartNew();
        int epochs = options.EpochsFor(n);
        var schedule = EdgeSchedule.Create(graph, epochs, options.NegativeSampleRate);
        var streams = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            streams[i] = SplitMix64(((ulong)(uint)options.Seed << 32) ^ (ulong)i);
        }

        var current = (float[])initial.Clone();
        var snapshot = (float[])initial.Clone();
        var constants = new Constants((float)a, (float)b, (float)options.RepulsionStrength);
        int done = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            float alpha = (float)(options.LearningRate * (1.0 - (epoch / (double)epochs)));
            Array.Copy(current, snapshot, current.Length);
            int e = epoch;
            ParallelKernel.ForRanges(n, MinPointsPerRange, (start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    UpdatePoint(i, e, graph, schedule, snapshot, current, dims, constants, alpha, ref streams[i]);
                }
            });
            done = epoch + 1;
            if (callback is not null && (done % options.CallbackEvery == 0 || done == epochs) &&
                callback(new UmapProgress(UmapStage.Layout, done, epochs, clock.Elapsed)) == UmapDecision.Stop)
            {
                break;
            }
        }

        return (current, done);
    }

    private static void UpdatePoint(int i, int epoch, FuzzySimplicialSet graph, EdgeSchedule schedule, float[] snapshot, float[] current,
        int dims, Constants c, float alpha, ref ulong stream)
    {
        int n = graph.Count;
        var self = current.AsSpan(i * dims, dims);
        for (int edge = graph.RowStart[i]; edge < graph.RowStart[i + 1]; edge++)
        {
            if (schedule.NextSample[edge] > epoch)
            {
                continue;
            }

            var tail = snapshot.AsSpan(graph.Columns[edge] * dims, dims);
            float d2 = SquaredDistance(self, tail);
            if (d2 > 0)
            {
                float power = MathF.Pow(d2, c.B);
                float coefficient = -2f * c.A * c.B * (power / d2) / ((c.A * power) + 1f);
                for (int d = 0; d < dims; d++)
                {
                    self[d] += 2f * alpha * Math.Clamp(coefficient * (self[d] - tail[d]), -Clip, Clip);
                }
            }

            schedule.NextSample[edge] += schedule.EpochsPerSample[edge];
            int negatives = (int)((epoch - schedule.NextNegative[edge]) / schedule.EpochsPerNegative[edge]);
            for (int p = 0; p < negatives; p++)
            {
                int k = (int)(((NextRandom(ref stream) >> 32) * (ulong)n) >> 32);
                if (k == i)
                {
                    continue;
                }

                var other = snapshot.AsSpan(k * dims, dims);
                float o2 = SquaredDistance(self, other);
                if (o2 <= 0)
                {
                    continue;
                }

                float power = MathF.Pow(o2, c.B);
                float coefficient = 2f * c.Gamma * c.B / ((0.001f + o2) * ((c.A * power) + 1f));
                for (int d = 0; d < dims; d++)
                {
                    self[d] += alpha * Math.Clamp(coefficient * (self[d] - other[d]), -Clip, Clip);
                }
            }

            schedule.NextNegative[edge] += negatives * schedule.EpochsPerNegative[edge];
        }
    }

    private static float SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        float sum = 0;
        for (int d = 0; d < x.Length; d++)
        {
            float diff = x[d] - y[d];
            sum += diff * diff;
        }

        return sum;
    }

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x == 0 ? 1 : x;
    }

    private static ulong NextRandom(ref ulong state)
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545F4914F6CDD1DUL;
    }

    private readonly record struct Constants(float A, float B, float Gamma);

    /// <summary>When each edge is next sampled, positively and negatively (epochs, float64 as umap-learn).</summary>
    private sealed class EdgeSchedule
    {
        public required double[] EpochsPerSample { get; init; }

        public required double[] EpochsPerNegative { get; init; }

        public required double[] NextSample { get; init; }

        public required double[] NextNegative { get; init; }

        public static EdgeSchedule Create(FuzzySimplicialSet graph, int epochs, int negativeRate)
        {
            int edges = graph.EdgeCount;
            double max = graph.Weights.Length == 0 ? 0 : graph.Weights.Max();
            var perSample = new double[edges];
            var perNegative = new double[edges];
            for (int e = 0; e < edges; e++)
            {
                double w = graph.Weights[e];
                // umap-learn drops edges below max / epochs: they would be sampled less than once.
                perSample[e] = w >= max / Math.Max(epochs, 1) && w > 0 ? max / w : double.PositiveInfinity;
                perNegative[e] = negativeRate > 0 ? perSample[e] / negativeRate : double.PositiveInfinity;
            }

            return new EdgeSchedule
            {
                EpochsPerSample = perSample,
                EpochsPerNegative = perNegative,
                NextSample = (double[])perSample.Clone(),
                NextNegative = (double[])perNegative.Clone(),
            };
        }
    }
}
