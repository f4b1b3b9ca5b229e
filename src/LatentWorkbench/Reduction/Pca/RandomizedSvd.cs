using LatentWorkbench.Kernels;
using MathNet.Numerics.LinearAlgebra;

namespace LatentWorkbench.Reduction.Pca;

/// <summary>The operator the randomized range finder iterates with.</summary>
internal enum RandomizedOperator
{
    /// <summary>Xc and Xcᵀ, one pass over the N×D data per product.</summary>
    Data,

    /// <summary>C = XcᵀXc/(N − 1), formed once (D×D).</summary>
    Covariance,
}

/// <summary>
/// Leading right singular vectors of a centred N×D matrix by the randomized range finder with power
/// iterations (Halko, Martinsson &amp; Tropp 2011, Algorithms 4.4 and 5.1).
/// </summary>
/// <remarks>
/// Ω ~ N(0, 1)^{D×l}; repeat q times: Y = Xc·Q, orthonormalize; Z = Xcᵀ·Y, orthonormalize → Q. Then
/// Y = Xc·Q orthonormalized (N×l), Bᵀ = Xcᵀ·Y (D×l), and the eigendecomposition of B·Bᵀ = (Bᵀ)ᵀBᵀ (l×l,
/// float64) gives σ² and V; the components are Bᵀ·V/σ. The N-side orthonormalization is Cholesky-QR done
/// twice (one GEMM for the Gram matrix, one for the triangular solve), far cheaper than Householder on 60k rows.
/// </remarks>
internal static class RandomizedSvd
{
    /// <summary>
    /// Chooses the cheaper operator by flop count and returns the spectrum and tr(C). Forming C costs about
    /// (5/8)·N·D² (four upper-triangular column blocks) against 2·N·D·l per pass over the data and 2(q + 1) passes;
    /// for MNIST (D = 784, l = 60, q = 7) C is about 4× cheaper.
    /// </summary>
    public static (PcaSpectrum Spectrum, double TotalVariance) Fit(
        Matrix data, double[] mean, int components, int samples, int powerIterations, int seed, RandomizedOperator? forced)
    {
        int n = data.Rows, d = data.Cols;
        double covarianceCost = 0.625 * n * (double)d * d, dataCost = 2.0 * n * d * samples * ((2 * powerIterations) + 2);
        var path = forced ?? (covarianceCost < dataCost ? RandomizedOperator.Covariance : RandomizedOperator.Data);
        if (path == RandomizedOperator.Covariance)
        {
            double[] covariance = PcaMath.Covariance(data, mean);
            return (FromCovariance(covariance, d, components, samples, powerIterations, seed), PcaMath.Trace(covariance, d));
        }

        float[] centered = PcaMath.Centered(data, mean);
        return (FromData(centered, n, d, components, samples, powerIterations, seed), PcaMath.TotalVariance(centered, n, d));
    }

    /// <summary>
    /// Randomized subspace iteration on the symmetric C (HMT Alg. 4.4 with A = C, then Alg. 5.3): W = orth(C^{q+1}·Ω),
    /// Rayleigh–Ritz T = Wᵀ·C·W (l×l, float64), T = U·Λ·Uᵀ; variances Λ, components W·U. Spans the same subspace
    /// as power iterations on Xc: range(Xcᵀ(XcXcᵀ)^q·Xc·Ω) = range(C^{q+1}·Ω).
    /// </summary>
    public static PcaSpectrum FromCovariance(double[] covariance, int d, int components, int samples, int powerIterations, int seed)
    {
        var covarianceF = Array.ConvertAll(covariance, v => (float)v);
        float[] q = GaussianMatrix(d, samples, seed);
        var z = new float[d * samples];
        for (int iteration = 0; iteration <= powerIterations; iteration++)
        {
            Gemm.Sgemm(false, false, d, samples, d, 1f, covarianceF, d, q, samples, 0f, z, samples);
            q = HouseholderOrthonormalize(z, d, samples);
        }

        var c = Matrix<double>.Build.Dense(d, d, covariance);
        var w = Matrix<double>.Build.Dense(d, samples, (i, j) => q[(i * samples) + j]);
        var ritz = w.TransposeThisAndMultiply(c * w);
        ritz = (ritz + ritz.Transpose()) * 0.5;
        var evd = ritz.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, samples).OrderByDescending(i => evd.EigenValues[i].Real).ThenBy(i => i).ToArray();
        var variances = new double[components];
        var vectors = new float[components * d];
        for (int k = 0; k < components; k++)
        {
            variances[k] = Math.Max(evd.EigenValues[order[k]].Real, 0);
            var direction = w * evd.EigenVectors.Column(order[k]);
            double norm = direction.L2Norm();
            for (int j = 0; j < d; j++)
            {
                vectors[(k * d) + j] = (float)(direction[j] / norm);
            }
        }

        return new PcaSpectrum(variances, vectors, d);
    }

    /// <summary>Power iterations on the centred data itself (HMT Alg. 4.4 and 5.1): for wide data, where forming C costs more.</summary>
    public static PcaSpectrum FromData(float[] centered, int n, int d, int components, int samples, int powerIterations, int seed)
    {
        float[] q = GaussianMatrix(d, samples, seed);
        var y = new float[n * samples];
        for (int iteration = 0; iteration < powerIterations; iteration++)
        {
            Gemm.Sgemm(false, false, n, samples, d, 1f, centered, d, q, samples, 0f, y, samples);
            y = Orthonormalize(y, n, samples, passes: 1);
            Gemm.Sgemm(true, false, d, samples, n, 1f, centered, d, y, samples, 0f, q, samples);
            q = HouseholderOrthonormalize(q, d, samples);
        }

        Gemm.Sgemm(false, false, n, samples, d, 1f, centered, d, q, samples, 0f, y, samples);
        y = Orthonormalize(y, n, samples, passes: 2);
        var bt = new float[d * samples];
        Gemm.Sgemm(true, false, d, samples, n, 1f, centered, d, y, samples, 0f, bt, samples);

        var btMatrix = Matrix<double>.Build.Dense(d, samples, (i, j) => bt[(i * samples) + j]);
        var gram = btMatrix.TransposeThisAndMultiply(btMatrix);
        var evd = gram.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, samples).OrderByDescending(i => evd.EigenValues[i].Real).ThenBy(i => i).ToArray();
        var variances = new double[components];
        var vectors = new float[components * d];
        for (int k = 0; k < components; k++)
        {
            int source = order[k];
            double sigmaSquared = Math.Max(evd.EigenValues[source].Real, 0);
            variances[k] = sigmaSquared / (n - 1);
            var direction = btMatrix * evd.EigenVectors.Column(source);
            double norm = direction.L2Norm();
            for (int j = 0; j < d; j++)
            {
                vectors[(k * d) + j] = norm > 0 ? (float)(direction[j] / norm) : 0f;
            }
        }

        return new PcaSpectrum(variances, vectors, d);
    }

    /// <summary>A rows×cols matrix of standard normal draws (Box–Muller on a seeded <see cref="Random"/>).</summary>
    internal static float[] GaussianMatrix(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * cols];
        for (int i = 0; i < values.Length; i += 2)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            double radius = Math.Sqrt(-2.0 * Math.Log(u1));
            values[i] = (float)(radius * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < values.Length)
            {
                values[i + 1] = (float)(radius * Math.Sin(2 * Math.PI * u2));
            }
        }

        return values;
    }

    /// <summary>Cholesky-QR: G = YᵀY, R = chol(G)ᵀ, Y ← Y·R⁻¹; falls back to Householder if G is singular.</summary>
    private static float[] Orthonormalize(float[] y, int rows, int cols, int passes)
    {
        for (int pass = 0; pass < passes; pass++)
        {
            var gram = new float[cols * cols];
            Gemm.Sgemm(true, false, cols, cols, rows, 1f, y, cols, y, cols, 0f, gram, cols);
            var g = Matrix<double>.Build.Dense(cols, cols, (i, j) => gram[(i * cols) + j]);
            Matrix<double> lower;
            try
            {
                lower = g.Cholesky().Factor;
            }
            catch (ArgumentException)
            {
                return HouseholderOrthonormalize(y, rows, cols);
            }

            if (lower.Diagonal().Minimum() <= 1e-6 * lower.Diagonal().Maximum())
            {
                return HouseholderOrthonormalize(y, rows, cols);
            }

            // Y·R⁻¹ with R = Lᵀ: R⁻¹ is upper triangular.
            var inverse = lower.Transpose().Inverse();
            var inverseF = new float[cols * cols];
            for (int i = 0; i < cols; i++)
            {
                for (int j = 0; j < cols; j++)
                {
                    inverseF[(i * cols) + j] = (float)inverse[i, j];
                }
            }

            var result = new float[rows * cols];
            Gemm.Sgemm(false, false, rows, cols, cols, 1f, y, cols, inverseF, cols, 0f, result, cols);
            y = result;
        }

        return y;
    }

    /// <summary>Thin Householder QR in float64 (MathNet); returns Q as float32 rows×cols.</summary>
    private static float[] HouseholderOrthonormalize(float[] values, int rows, int cols)
    {
        var m = Matrix<double>.Build.Dense(rows, cols, (i, j) => values[(i * cols) + j]);
        var q = m.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;
        var result = new float[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                result[(i * cols) + j] = (float)q[i, j];
            }
        }

        return result;
    }
}
