using System.Diagnostics;
using TorchSharp;

namespace LatentWorkbench.Reduction.Tsne;

/// <summary>
/// Stage 3 of t-SNE: an embedding that can be optimized further; <see cref="Optimize"/> returns a new embedding,
/// so phases chain (early exaggeration, then the normal phase) and can be resumed (openTSNE's design).
/// </summary>
/// <remarks>
/// One step (scikit-learn's gradient descent with gains, after Jacobs 1988): g = ∂C/∂Y (see the objective);
/// gains += 0.2 where sign(update) ≠ sign(g), gains ×= 0.8 elsewhere, gains ≥ 0.01; update = μ·update − η·gains∘g;
/// Y += update. Update and gains start fresh in each call, as scikit-learn starts them fresh in each phase.
/// Shapes: Y is N×dims.
/// </remarks>
public sealed class TsneEmbedding
{
    private const double MinGain = 0.01;
    private readonly double[] _points;

    private TsneEmbedding(TsneAffinities affinities, double[] points, int dims, TsneOptions options, int iterations, double kl, bool stopped)
    {
        Affinities = affinities;
        _points = points;
        Dimensions = dims;
        Options = options;
        Iterations = iterations;
        KlDivergence = kl;
        StoppedEarly = stopped;
    }

    /// <summary>The input affinities P this embedding is optimized against.</summary>
    public TsneAffinities Affinities { get; }

    /// <summary>The options (method, θ, learning rate, callback period) used by <see cref="Optimize"/>.</summary>
    public TsneOptions Options { get; }

    /// <summary>N, the number of points.</summary>
    public int Count => Affinities.Count;

    /// <summary>The embedding dimension.</summary>
    public int Dimensions { get; }

    /// <summary>Iterations run so far, all phases together.</summary>
    public int Iterations { get; }

    /// <summary>KL(P ‖ Q) after the last optimization (NaN before any).</summary>
    public double KlDivergence { get; }

    /// <summary>True when a callback stopped the last optimization.</summary>
    public bool StoppedEarly { get; }

    /// <summary>Coordinate <paramref name="dimension"/> of point <paramref name="index"/>.</summary>
    public double this[int index, int dimension] => _points[(index * Dimensions) + dimension];

    /// <summary>Starts an embedding from given points (N×dims, e.g. from <see cref="TsneInitializer"/>).</summary>
    internal static TsneEmbedding Create(TsneAffinities affinities, double[] initialPoints, int dims, TsneOptions options)
    {
        ArgumentNullException.ThrowIfNull(affinities);
        ArgumentNullException.ThrowIfNull(initialPoints);
        ArgumentNullException.ThrowIfNull(options);
        if (initialPoints.Length != affinities.Count * dims)
        {
            throw new ArgumentException($"initialPoints has {initialPoints.Length} values; expected N × dims = {affinities.Count} × {dims}.", nameof(initialPoints));
        }

        return new TsneEmbedding(affinities, (double[])initialPoints.Clone(), dims, options, 0, double.NaN, false);
    }

    /// <summary>The points as a new N×dims float64 array.</summary>
    internal double[] ToArray() => (double[])_points.Clone();

    /// <summary>The points as a new float32 tensor [N, dims] on the CPU (for metrics and plots).</summary>
    public torch.Tensor ToTensor() => ToMatrix().ToTensor();

    /// <summary>The points as a float32 matrix our kernels read (a copy).</summary>
    internal Matrix ToMatrix() => new(Array.ConvertAll(_points, v => (float)v), Count, Dimensions);

    /// <summary>Runs <paramref name="iterations"/> steps and returns the new embedding (this one is unchanged).</summary>
    /// <param name="iterations">Steps to run (≥ 0).</param>
    /// <param name="exaggeration">α multiplying P in the attractive term (12 early, 1 later).</param>
    /// <param name="momentum">μ (0.5 early, 0.8 later).</param>
    /// <param name="learningRate">η; null = the options' value or 'auto' max(N / early exaggeration / 4, 50).</param>
    /// <param name="callback">Called every <see cref="TsneOptions.CallbackEvery"/> iterations and at the end; may stop the run.</param>
    /// <param name="totalIterations">The planned length of the whole run, for progress reporting.</param>
    public TsneEmbedding Optimize(int iterations, double exaggeration = 1, double momentum = 0.8, double? learningRate = null,
        TsneCallback? callback = null, int? totalIterations = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        double eta = learningRate ?? Options.LearningRate ?? Math.Max(Count / Options.EarlyExaggeration / 4, 50);
        int n = Count, dims = Dimensions, total = totalIterations ?? Iterations + iterations;
        bool barnesHut = UsesBarnesHut(Options, n, dims);
        var y = (double[])_points.Clone();
        var update = new double[y.Length];
        var gains = new double[y.Length];
        Array.Fill(gains, 1.0);
        var gradient = new double[y.Length];
        var workspace = barnesHut ? new TsneWorkspace(n) : null;
        var stopwatch = Stopwatch.StartNew();
        double kl = double.NaN;
        bool stopped = false;
        for (int step = 0; step < iterations; step++)
        {
            int done = Iterations + step + 1;
            bool report = done % Options.CallbackEvery == 0 || step == iterations - 1;
            kl = barnesHut
                ? TsneObjective.BarnesHut(Affinities, y, exaggeration, Options.Theta, gradient, computeKl: report, workspace!)
                : TsneObjective.Exact(Affinities, y, dims, exaggeration, gradient);
            double gradientNorm = Step(y, gradient, update, gains, momentum, eta);
            if (report && callback is not null &&
                callback(new TsneProgress(done, total, exaggeration, kl, gradientNorm, stopwatch.Elapsed)) == TsneDecision.Stop)
            {
                stopped = true;
                return new TsneEmbedding(Affinities, y, dims, Options, done, kl, stopped);
            }
        }

        return new TsneEmbedding(Affinities, y, dims, Options, Iterations + iterations, iterations > 0 ? kl : KlDivergence, stopped);
    }

    internal static bool UsesBarnesHut(TsneOptions options, int n, int dims) => options.Method switch
    {
        TsneGradientMethod.BarnesHut => true,
        TsneGradientMethod.Exact => false,
        _ => dims == 2 && n > options.ExactThreshold,
    };

    /// <summary>One gains-and-momentum step in place; returns ‖g‖.</summary>
    private static double Step(double[] y, double[] gradient, double[] update, double[] gains, double momentum, double eta)
    {
        double norm = 0;
        for (int t = 0; t < y.Length; t++)
        {
            double g = gradient[t];
            norm += g * g;
            gains[t] = (update[t] * g < 0) ? gains[t] + 0.2 : Math.Max(gains[t] * 0.8, MinGain);
            update[t] = (momentum * update[t]) - (eta * gains[t] * g);
            y[t] += update[t];
        }

        return Math.Sqrt(norm);
    }
}
