using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction;

namespace LatentWorkbench.Tests.Metrics;

public sealed class PrincipalAnglesTests
{
    // Rows e₁, e₂ against cos θᵢ eᵢ + sin θᵢ eᵢ₊₂: the principal angles are exactly θ₁, θ₂ (then rotated and re-based below).
    private static (Matrix A, Matrix B) KnownAngles(int dimensions, double[] angles)
    {
        int k = angles.Length;
        var a = new float[k * dimensions];
        var b = new float[k * dimensions];
        for (int i = 0; i < k; i++)
        {
            a[(i * dimensions) + i] = 1;
            b[(i * dimensions) + i] = (float)Math.Cos(angles[i]);
            b[(i * dimensions) + k + i] = (float)Math.Sin(angles[i]);
        }

        return (new Matrix(a, k, dimensions), new Matrix(b, k, dimensions));
    }

    // M·Q for an orthogonal Q (QR of a seeded Gaussian matrix): a rotation of ℝᴰ keeps every angle.
    private static Matrix Rotate(Matrix m, int seed)
    {
        var random = new Random(seed);
        var gaussian = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m.Cols, m.Cols, (_, _) => random.NextDouble() - 0.5);
        var q = gaussian.QR().Q;
        var rows = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m.Rows, m.Cols, (i, j) => m[i, j]) * q;
        return new Matrix([.. rows.ToRowMajorArray().Select(v => (float)v)], m.Rows, m.Cols);
    }

    // C·M for an invertible C: another basis of the same row space.
    private static Matrix Rebase(Matrix m, float[,] mix)
    {
        var result = new float[m.Rows * m.Cols];
        for (int i = 0; i < m.Rows; i++)
        {
            for (int r = 0; r < m.Rows; r++)
            {
                for (int j = 0; j < m.Cols; j++)
                {
                    result[(i * m.Cols) + j] += mix[i, r] * m[r, j];
                }
            }
        }

        return new Matrix(result, m.Rows, m.Cols);
    }

    [Fact]
    public void Constructed_Subspaces_Give_Their_Angles_Whatever_The_Rotation_And_The_Basis()
    {
        double[] expected = [0.3, 1.1];
        var (a, b) = KnownAngles(6, expected);
        Assert.Equal(expected, PrincipalAngles.Between(a, b), (x, y) => Math.Abs(x - y) < 1e-6);

        var rotatedA = Rebase(Rotate(a, seed: 4), new float[,] { { 2, 1 }, { -1, 3 } });
        var rotatedB = Rebase(Rotate(b, seed: 4), new float[,] { { 0.5f, 0 }, { 4, -1 } });
        var angles = PrincipalAngles.Between(rotatedA, rotatedB);
        Assert.Equal(0.3, angles[0], 5);
        Assert.Equal(1.1, angles[1], 5);
        Assert.Equal(1.1 * 180 / Math.PI, PrincipalAngles.LargestDegrees(rotatedA, rotatedB), 3);
    }

    [Fact]
    public void A_Subspace_Against_Itself_Or_A_Perpendicular_One_Gives_Zero_And_Right_Angles()
    {
        var (a, _) = KnownAngles(5, [0, 0]);
        var sameSpace = Rebase(a, new float[,] { { 1, 2 }, { 3, -1 } });
        Assert.All(PrincipalAngles.Between(a, sameSpace), angle => Assert.Equal(0, angle, 6));

        var (_, perpendicular) = KnownAngles(5, [Math.PI / 2, Math.PI / 2]);
        Assert.All(PrincipalAngles.Between(a, perpendicular), angle => Assert.Equal(Math.PI / 2, angle, 6));
    }

    [Fact]
    public void A_Small_Angle_Keeps_Its_Digits()
    {
        // acos(cos 1e-4) in float64 keeps only ~4 of its digits; the sine branch keeps them all (float32 inputs: ~1e-7 relative).
        var (a, b) = KnownAngles(4, [1e-4]);
        Assert.Equal(1e-4, PrincipalAngles.Between(a, b)[0], 9);
    }

    [Fact]
    public void Subspaces_Of_Different_Dimension_Give_As_Many_Angles_As_The_Smaller_Has()
    {
        var (a, _) = KnownAngles(6, [0, 0, 0]);
        var (_, b) = KnownAngles(6, [0.5]);
        var angles = PrincipalAngles.Between(a, b);
        Assert.Single(angles);
        Assert.Equal(0.0, angles[0], 6);   // b's single direction cos·e₁ + sin·e₂ lies in span(e₁, e₂, e₃)
        Assert.Equal(angles, PrincipalAngles.Between(b, a));
    }

    [Fact]
    public void Bad_Input_Names_The_Argument()
    {
        var (a, b) = KnownAngles(6, [0.1, 0.2]);
        var wrongWidth = new Matrix(new float[10], 2, 5);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => PrincipalAngles.Between(a, wrongWidth)).ParamName);
        var dependent = new Matrix([1, 0, 0, 2, 0, 0], 2, 3);
        var error = Assert.Throws<ArgumentException>(() => PrincipalAngles.Between(dependent, new Matrix([1, 0, 0], 1, 3)));
        Assert.Equal("a", error.ParamName);
        Assert.Contains("linearly dependent", error.Message, StringComparison.Ordinal);
        _ = b;
    }
}
