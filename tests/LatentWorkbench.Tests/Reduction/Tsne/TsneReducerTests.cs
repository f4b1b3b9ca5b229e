using LatentWorkbench.Data;
using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Reduction.Tsne;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Reduction.Tsne;

[Collection(MnistCollection.Name)]
public sealed class TsneReducerTests(MnistFixture mnist)
{
    private (Matrix Input, byte[] Labels) TestImagesPca(int count)
    {
        var split = mnist.Data.Test.Take(count);
        var pixels = new Matrix(split.Pixels.ToArray(), split.Count, MnistSplit.PixelsPerImage);
        return (new PcaReducer(new PcaOptions { Components = 30 }).Fit(pixels).Transform(pixels), split.LabelBytes());
    }

    [Fact]
    public void Affinities_Are_Symmetric_Normalized_And_Calibrated()
    {
        var data = ReducerFactories.Blobs(rows: 200, cols: 4, seed: 3);
        var p = TsneAffinities.Compute(data, perplexity: 10);
        double total = 0;
        for (int i = 0; i < 200; i++)
        {
            for (int j = 0; j < 200; j++)
            {
                Assert.Equal(p[i, j], p[j, i], 15);
                total += p[i, j];
            }
        }

        Assert.Equal(1.0, total, 12);

        var distances = Enumerable.Range(1, 31).Select(j => (double)j * j / 10).ToArray();
        var conditional = new double[31];
        TsneAffinities.CalibrateRow(distances, 10, conditional);
        double entropy = -conditional.Where(v => v > 0).Sum(v => v * Math.Log(v));
        Assert.Equal(10, Math.Exp(entropy), 3);
    }

    [Fact]
    public void Embedding_Separates_Digits_That_The_Initialization_Does_Not()
    {
        var (input, labels) = TestImagesPca(1500);
        var options = new TsneOptions { Method = TsneGradientMethod.BarnesHut };
        var affinities = TsneAffinities.Compute(input, options.Perplexity);
        var start = TsneEmbedding.Create(affinities, TsneInitializer.Random(input.Rows, 2, seed: 1), 2, options);
        double before = KnnAccuracy.CrossValidated(start.ToMatrix(), labels, k: 10);
        var final = start.Optimize(250, exaggeration: 12, momentum: 0.5).Optimize(750);
        double after = KnnAccuracy.CrossValidated(final.ToMatrix(), labels, k: 10);
        Assert.InRange(before, 0.05, 0.2);
        Assert.True(after > 0.85, $"10-NN accuracy after t-SNE {after:F3}");
        Assert.True(NeighborhoodPreservation.Trustworthiness(input, final.ToMatrix(), 10) > 0.95);
    }

    [Fact]
    public void Fit_Is_Deterministic_And_Callback_Can_Stop_It()
    {
        var (input, _) = TestImagesPca(1200);
        var options = new TsneOptions { Iterations = 300, Method = TsneGradientMethod.BarnesHut };
        var first = new TsneReducer(options).Fit(input).ToArray();
        var second = new TsneReducer(options).Fit(input).ToArray();
        Assert.Equal(first, second);

        var seen = new List<TsneProgress>();
        var stopped = new TsneReducer(options).Fit(input, progress =>
        {
            seen.Add(progress);
            return progress.Iteration >= 100 ? TsneDecision.Stop : TsneDecision.Continue;
        });
        Assert.True(stopped.StoppedEarly);
        Assert.Equal(100, stopped.Iterations);
        Assert.Equal([50, 100], seen.Select(s => s.Iteration));
        Assert.All(seen, s => Assert.True(double.IsFinite(s.KlDivergence) && s.KlDivergence > 0));
    }

    [Fact]
    public void Barnes_Hut_Iterations_Reuse_Their_Buffers()
    {
        // Each iteration used to allocate its quadtree and force sums anew: about 97 bytes per point an iteration
        // (6.8 GB over 1,000 iterations of all 70,000 digits: large-object garbage that raised notebook 04's working
        // set by hundreds of MB between full collections). What an iteration still allocates is the parallel loops'
        // task and partition objects (about 9 bytes per point here); a quarter of the old rate is the line.
        long PerIteration(int points)
        {
            var (input, _) = TestImagesPca(points);
            long Allocated(int iterations)
            {
                var options = new TsneOptions { Iterations = iterations, EarlyExaggerationIterations = 20, Method = TsneGradientMethod.BarnesHut };
                long before = GC.GetTotalAllocatedBytes(precise: true);
                new TsneReducer(options).Fit(input);
                return GC.GetTotalAllocatedBytes(precise: true) - before;
            }

            Allocated(30);
            return (Allocated(230) - Allocated(30)) / 200;
        }

        long small = PerIteration(1_000), large = PerIteration(6_000);
        double perPoint = (large - small) / 5_000.0;
        Assert.True(perPoint < 24, $"an iteration allocates {small:N0} bytes for 1,000 points and {large:N0} for 6,000: {perPoint:F1} bytes more per point");
    }

    [Fact]
    public void Exact_And_Barnes_Hut_Runs_Reach_Similar_Quality()
    {
        var (input, labels) = TestImagesPca(800);
        var exact = new TsneReducer(new TsneOptions { Method = TsneGradientMethod.Exact, Iterations = 500 }).Fit(input);
        var fast = new TsneReducer(new TsneOptions { Method = TsneGradientMethod.BarnesHut, Iterations = 500 }).Fit(input);
        Assert.InRange(fast.KlDivergence / exact.KlDivergence, 0.97, 1.03);
        double accuracyExact = KnnAccuracy.CrossValidated(exact.ToMatrix(), labels);
        double accuracyFast = KnnAccuracy.CrossValidated(fast.ToMatrix(), labels);
        Assert.InRange(accuracyFast - accuracyExact, -0.03, 0.03);
    }
}
