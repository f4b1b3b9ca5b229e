using LatentWorkbench.Compute;
using LatentWorkbench.Reduction;
using MathNet.Numerics.LinearAlgebra;
using TorchSharp;

namespace LatentWorkbench.Metrics;

/// <summary>
/// The principal angles between two subspaces of ℝᴰ, each spanned by the rows of a matrix (any basis: the rows
/// need not be orthonormal, only linearly independent).
/// </summary>
/// <remarks>
/// With Q₁ (D×p) and Q₂ (D×q), q ≤ p, orthonormal bases (thin QR of the transposed row bases), the cosines of the
/// q angles are the singular values of Q₁ᵀQ₂ (Björck &amp; Golub 1973) and their sines the singular values of
/// Q₂ − Q₁(Q₁ᵀQ₂). An angle is taken from its cosine when cos² &lt; ½ and from its sine otherwise, so small angles
/// keep their digits (acos near 1 loses them; Knyazev &amp; Argentati 2002, SIAM J. Sci. Comput. 23:2008).
/// Computed in float64. 0 means the subspaces share that direction; π/2 that a direction of one is
/// perpendicular to the whole of the other.
/// </remarks>
public static class PrincipalAngles
{
    /// <summary>The min(p, q) principal angles in radians, ascending, between the row spaces of <paramref name="a"/> (p×D) and <paramref name="b"/> (q×D).</summary>
    /// <exception cref="ArgumentException">A matrix is empty, not finite, the two have different column counts, or its rows are linearly dependent.</exception>
    public static IReadOnlyList<double> Between(torch.Tensor a, torch.Tensor b)
    {
        using var aHost = TensorSpans.OnHost(a, nameof(a));
        using var bHost = TensorSpans.OnHost(b, nameof(b));
        return Between(Matrix.View(aHost, nameof(a)), Matrix.View(bHost, nameof(b)));
    }

    /// <inheritdoc cref="Between(torch.Tensor, torch.Tensor)"/>
    internal static double[] Between(Matrix a, Matrix b)
    {
        InputValidation.RequireFiniteMatrix(a, nameof(a));
        InputValidation.RequireFiniteMatrix(b, nameof(b));
        InputValidation.RequireColumns(b, a.Cols, nameof(b));
        var qa = OrthonormalBasis(a, nameof(a));
        var qb = OrthonormalBasis(b, nameof(b));
        if (qb.ColumnCount > qa.ColumnCount)
        {
            (qa, qb) = (qb, qa);
        }

        var cross = qa.TransposeThisAndMultiply(qb);
        var cosines = cross.Svd(computeVectors: false).S.Select(s => Math.Clamp(s, 0, 1)).OrderByDescending(s => s).ToArray();
        var residual = qb - (qa * cross);
        var sines = residual.Svd(computeVectors: false).S.Select(s => Math.Clamp(s, 0, 1)).OrderBy(s => s).ToArray();
        var angles = new double[cosines.Length];
        for (int i = 0; i < angles.Length; i++)
        {
            angles[i] = cosines[i] * cosines[i] < 0.5 ? Math.Acos(cosines[i]) : Math.Asin(sines[i]);
        }

        Array.Sort(angles);
        return angles;
    }

    /// <summary>The largest principal angle in degrees: 0 when one subspace contains the other.</summary>
    public static double LargestDegrees(torch.Tensor a, torch.Tensor b) => Between(a, b)[^1] * 180 / Math.PI;

    /// <inheritdoc cref="LargestDegrees(torch.Tensor, torch.Tensor)"/>
    internal static double LargestDegrees(Matrix a, Matrix b) => Between(a, b)[^1] * 180 / Math.PI;

    // Q (D×p) with orthonormal columns spanning the rows of m, from a thin Householder QR of mᵀ.
    private static Matrix<double> OrthonormalBasis(Matrix m, string name)
    {
        if (m.Rows > m.Cols)
        {
            throw new ArgumentException($"{name} has {m.Rows} rows in ℝ^{m.Cols}: at most {m.Cols} can be independent.", name);
        }

        var transposed = Matrix<double>.Build.Dense(m.Cols, m.Rows, (i, j) => m[j, i]);
        var qr = transposed.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        double largest = Enumerable.Range(0, m.Rows).Max(i => Math.Abs(qr.R[i, i]));
        for (int i = 0; i < m.Rows; i++)
        {
            if (!(Math.Abs(qr.R[i, i]) > largest * 1e-12))
            {
                throw new ArgumentException($"The rows of {name} are linearly dependent (row {i} lies in the span of the rows before it): they do not span a {m.Rows}-dimensional subspace.", name);
            }
        }

        return qr.Q;
    }
}
