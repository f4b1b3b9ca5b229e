using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace LatentWorkbench.Reduction.Umap;

/// <summary>
/// The largest eigenpairs of a symmetric operator by Lanczos with full reorthogonalisation, in the orthogonal
/// complement of one known eigenvector (deflation).
/// </summary>
/// <remarks>
/// Krylov basis q₀…q_{m−1} (float64, N each), tridiagonal T_m = QᵀAQ; every <see cref="CheckEvery"/> steps the Ritz
/// pairs (θ, s) of T_m are computed and a pair counts as converged when its residual ‖Ax − θx‖ = β_m·|s_m| is at most
/// the tolerance. Each new vector is orthogonalised against the whole basis (modified Gram–Schmidt, repeated when
/// it loses more than half its norm: Daniel–Gragg–Kaufman–Stewart), so no spurious copies appear. Serial and
/// seeded: the same operator and seed give the same vectors. Memory m·N doubles.
/// </remarks>
internal static class LanczosEigensolver
{
    private const int CheckEvery = 10;

    /// <summary>The <paramref name="count"/> largest eigenpairs of <paramref name="apply"/> restricted to the complement of <paramref name="deflated"/> (unit norm), or null when they do not converge within <paramref name="maxBasis"/> steps.</summary>
    public static (double[] Values, double[][] Vectors)? Largest(
        Action<double[], double[]> apply, int n, double[] deflated, int count, int maxBasis, double tolerance, int seed)
    {
        maxBasis = Math.Min(maxBasis, n - 1);
        if (maxBasis < count)
        {
            return null;
        }

        var basis = new List<double[]>();
        var alpha = new List<double>();
        var beta = new List<double>();
        var q = new double[n];
        var random = new Random(seed);
        for (int i = 0; i < n; i++)
        {
            q[i] = random.NextDouble() - 0.5;
        }

        Orthogonalize(q, basis, deflated);
        Scale(q, 1 / TensorPrimitives.Norm<double>(q));
        var w = new double[n];
        for (int j = 0; j < maxBasis; j++)
        {
            basis.Add(q);
            apply(q, w);
            alpha.Add(TensorPrimitives.Dot<double>(w, q));
            Orthogonalize(w, basis, deflated);
            double b = TensorPrimitives.Norm<double>(w);
            beta.Add(b);
            bool exhausted = b < 1e-12;
            if (exhausted || (j + 1 >= count && ((j + 1) % CheckEvery == 0 || j + 1 == maxBasis)))
            {
                var (values, ritz, residuals) = RitzPairs(alpha, beta, count);
                if (exhausted || residuals.All(r => r <= tolerance))
                {
                    return (values, ritz.Select(s => Combine(basis, s, n)).ToArray());
                }
            }

            q = new double[n];
            Array.Copy(w, q, n);
            Scale(q, 1 / b);
        }

        return null;
    }

    /// <summary>The top Ritz values of the tridiagonal matrix, their vectors in basis coordinates, and residual bounds.</summary>
    private static (double[] Values, double[][] Vectors, double[] Residuals) RitzPairs(List<double> alpha, List<double> beta, int count)
    {
        int m = alpha.Count;
        var t = Matrix<double>.Build.Dense(m, m);
        for (int i = 0; i < m; i++)
        {
            t[i, i] = alpha[i];
            if (i + 1 < m)
            {
                t[i, i + 1] = beta[i];
                t[i + 1, i] = beta[i];
            }
        }

        var evd = t.Evd(Symmetricity.Symmetric);
        var values = new double[count];
        var vectors = new double[count][];
        var residuals = new double[count];
        for (int c = 0; c < count; c++)
        {
            int column = m - 1 - c; // MathNet sorts symmetric eigenvalues ascending.
            values[c] = evd.EigenValues[column].Real;
            vectors[c] = evd.EigenVectors.Column(column).ToArray();
            residuals[c] = Math.Abs(beta[m - 1] * vectors[c][m - 1]);
        }

        return (values, vectors, residuals);
    }

    private static double[] Combine(List<double[]> basis, double[] coefficients, int n)
    {
        var x = new double[n];
        for (int l = 0; l < coefficients.Length; l++)
        {
            TensorPrimitives.MultiplyAdd<double>(basis[l], coefficients[l], x, x);
        }

        Scale(x, 1 / TensorPrimitives.Norm<double>(x));
        return x;
    }

    private static void Orthogonalize(double[] w, List<double[]> basis, double[] deflated)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            double before = TensorPrimitives.Norm<double>(w);
            TensorPrimitives.MultiplyAdd<double>(deflated, -TensorPrimitives.Dot<double>(w, deflated), w, w);
            foreach (var v in basis)
            {
                TensorPrimitives.MultiplyAdd<double>(v, -TensorPrimitives.Dot<double>(w, v), w, w);
            }

            if (TensorPrimitives.Norm<double>(w) > 0.5 * before)
            {
                break;
            }
        }
    }

    private static void Scale(double[] x, double factor) => TensorPrimitives.Multiply<double>(x, factor, x);
}
