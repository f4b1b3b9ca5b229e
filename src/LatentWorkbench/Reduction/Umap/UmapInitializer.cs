using LatentWorkbench.Kernels;

namespace LatentWorkbench.Reduction.Umap;

/// <summary>Stage 3 of UMAP: the starting layout (N×dims, float32, row-major), each column scaled to [0, 10] as umap-learn.</summary>
/// <remarks>
/// <para>
/// Spectral: the eigenvectors of the normalised Laplacian L = I − D^(−1/2) W D^(−1/2) with the smallest non-zero
/// eigenvalues, i.e. the largest eigenvectors of M = D^(−1/2) W D^(−1/2) after the trivial one, D^(1/2)·1 (Belkin
/// &amp; Niyogi's Laplacian eigenmaps, as umap-learn's <c>spectral_layout</c>). The graph is regularised as
/// W + (τ/N)·11ᵀ with τ = 10⁻³ × the mean degree (Amini et al., Ann. Stat. 41, 2013), never formed densely: a
/// graph in several pieces then still has one trivial eigenvector and the pieces are placed apart instead of the
/// solver failing. The sparse eigensolver is Lanczos (<see cref="LanczosEigensolver"/>, residual ≤ 10⁻⁴, at most
/// 300 basis vectors). If it does not converge, the layout falls back to <see cref="UmapInitialization.Pca"/> and
/// says so in <see cref="UmapStart.Used"/>.
/// </para>
/// <para>
/// Every layout is then scaled so its largest |coordinate| is 10, gets N(0, 10⁻⁴) noise from the seed (it breaks
/// exact ties), and each column is mapped affinely onto [0, 10].
/// </para>
/// </remarks>
internal static class UmapInitializer
{
    private const int MaxBasis = 300;
    private const double Tolerance = 1e-4;
    private const double Regularization = 1e-3;

    /// <summary>The starting layout the options ask for, and which one was actually used.</summary>
    public static UmapStart Create(FuzzySimplicialSet graph, Matrix data, int dims, UmapInitialization initialization, int seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(data);
        double[]? raw = null;
        var used = initialization;
        string? note = null;
        if (initialization == UmapInitialization.Spectral)
        {
            raw = Spectral(graph, dims, seed);
            if (raw is null)
            {
                used = UmapInitialization.Pca;
                note = $"no spectral layout (fewer than dims + 2 points, or the Lanczos eigensolver did not reach residual {Tolerance:G} within {MaxBasis} vectors); PCA initialisation used instead";
            }
        }

        raw ??= used == UmapInitialization.Pca ? PcaLayout(data, dims) : RandomLayout(graph.Count, dims, seed);
        return new UmapStart(Normalize(raw, graph.Count, dims, seed), used, note);
    }

    /// <summary>The spectral layout before scaling (N×dims, row-major), or null when the eigensolver does not converge.</summary>
    public static double[]? Spectral(FuzzySimplicialSet graph, int dims, int seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.Count;
        if (dims + 1 >= n)
        {
            return null;
        }

        var degree = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            foreach (double w in graph.WeightsOf(i))
            {
                degree[i] += w;
            }

            total += degree[i];
        }

        double tau = Regularization * total / n;
        var invSqrt = new double[n];
        var trivial = new double[n];
        double trivialNorm = 0;
        for (int i = 0; i < n; i++)
        {
            degree[i] += tau;
            invSqrt[i] = 1 / Math.Sqrt(degree[i]);
            trivial[i] = Math.Sqrt(degree[i]);
            trivialNorm += degree[i];
        }

        trivialNorm = Math.Sqrt(trivialNorm);
        for (int i = 0; i < n; i++)
        {
            trivial[i] /= trivialNorm;
        }

        var scaled = new double[n];
        void Apply(double[] x, double[] y)
        {
            double rankOne = 0;
            for (int i = 0; i < n; i++)
            {
                scaled[i] = x[i] * invSqrt[i];
                rankOne += scaled[i];
            }

            rankOne *= tau / n;
            // Rows are independent: each range writes only its own rows, so the product is the same for any thread count.
            ParallelKernel.ForRanges(n, 2048, (start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    double sum = 0;
                    var columns = graph.NeighborsOf(i);
                    var weights = graph.WeightsOf(i);
                    for (int t = 0; t < columns.Length; t++)
                    {
                        sum += weights[t] * scaled[columns[t]];
                    }

                    y[i] = invSqrt[i] * (sum + rankOne);
                }
            });
        }

        var result = LanczosEigensolver.Largest(Apply, n, trivial, dims, MaxBasis, Tolerance, seed);
        if (result is null)
        {
            return null;
        }

        var layout = new double[n * dims];
        for (int d = 0; d < dims; d++)
        {
            var vector = result.Value.Vectors[d];
            for (int i = 0; i < n; i++)
            {
                layout[(i * dims) + d] = vector[i];
            }
        }

        return layout;
    }

    private static double[] PcaLayout(Matrix data, int dims)
    {
        var projected = new Pca.PcaReducer(new Pca.PcaOptions { Components = dims }).Fit(data).Transform(data);
        return Array.ConvertAll(projected.Data, v => (double)v);
    }

    private static double[] RandomLayout(int n, int dims, int seed)
    {
        var random = new Random(seed);
        var layout = new double[n * dims];
        for (int t = 0; t < layout.Length; t++)
        {
            layout[t] = (20 * random.NextDouble()) - 10;
        }

        return layout;
    }

    /// <summary>Scale to max |x| = 10, add N(0, 1e-4) noise, map each column onto [0, 10].</summary>
    private static float[] Normalize(double[] raw, int n, int dims, int seed)
    {
        double largest = raw.Max(Math.Abs);
        double expansion = largest > 0 ? 10 / largest : 1;
        var random = new Random(unchecked(seed + 0x5eed));
        var points = new double[raw.Length];
        for (int t = 0; t < raw.Length; t++)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            points[t] = (raw[t] * expansion) + (1e-4 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        var result = new float[raw.Length];
        for (int d = 0; d < dims; d++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int i = 0; i < n; i++)
            {
                min = Math.Min(min, points[(i * dims) + d]);
                max = Math.Max(max, points[(i * dims) + d]);
            }

            double range = max > min ? max - min : 1;
            for (int i = 0; i < n; i++)
            {
                result[(i * dims) + d] = (float)(10 * (points[(i * dims) + d] - min) / range);
            }
        }

        return result;
    }
}
