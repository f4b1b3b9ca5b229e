using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LatentWorkbench.Kernels;

/// <summary>
/// The attractive term of the 2-D t-SNE gradient over one CSR row of P: aᵢ = Σⱼ p_ij w_ij (yᵢ − yⱼ), w_ij = 1 / (1 + ‖yᵢ − yⱼ‖²).
/// </summary>
/// <remarks>
/// With AVX2, four non-zeros per step: the column indices j are doubled (Y is N×2 interleaved x, y) and the x and y
/// coordinates gathered into two Vector256&lt;double&gt;; lane l accumulates non-zeros l, l + 4, l + 8, … and the four lanes
/// are added in a fixed order (0 + 1 + 2 + 3) before the scalar tail (the last nnz mod 4 entries), so results are
/// identical run to run and independent of the thread that runs the row. Without AVX2 the scalar loop does the whole row
/// (a different summation order: same numbers to rounding, not bit-identical across such machines).
/// </remarks>
internal static class TsneAttraction
{
    /// <summary>Row i's attraction (ax, ay) from Y (N×2) and the CSR arrays of P.</summary>
    public static unsafe void Row2D(int i, double[] y, int[] rowStart, int[] columns, double[] values, out double ax, out double ay)
    {
        int t = rowStart[i], end = rowStart[i + 1];
        double xi = y[2 * i], yi = y[(2 * i) + 1], sumX = 0, sumY = 0;
        if (Avx2.IsSupported && end - t >= 4)
        {
            fixed (double* points = y, p = values)
            fixed (int* cols = columns)
            {
                Vector256<double> vxi = Vector256.Create(xi), vyi = Vector256.Create(yi), one = Vector256.Create(1.0);
                Vector256<double> accX = Vector256<double>.Zero, accY = Vector256<double>.Zero;
                for (; t + 4 <= end; t += 4)
                {
                    Vector128<int> twice = Sse2.ShiftLeftLogical(Sse2.LoadVector128(cols + t), 1);
                    Vector256<double> dx = vxi - Avx2.GatherVector256(points, twice, 8);
                    Vector256<double> dy = vyi - Avx2.GatherVector256(points + 1, twice, 8);
                    Vector256<double> pw = Avx.LoadVector256(p + t) / (one + (dx * dx) + (dy * dy));
                    accX += pw * dx;
                    accY += pw * dy;
                }

                sumX = (accX.GetElement(0) + accX.GetElement(1)) + (accX.GetElement(2) + accX.GetElement(3));
                sumY = (accY.GetElement(0) + accY.GetElement(1)) + (accY.GetElement(2) + accY.GetElement(3));
            }
        }

        for (; t < end; t++)
        {
            int j = columns[t];
            double dx = xi - y[2 * j], dy = yi - y[(2 * j) + 1];
            double pw = values[t] / (1 + (dx * dx) + (dy * dy));
            sumX += pw * dx;
            sumY += pw * dy;
        }

        ax = sumX;
        ay = sumY;
    }

    /// <summary>Row i's part of KL: Σⱼ p_ij log(p_ij / w_ij) (the log Z term is added once by the caller).</summary>
    public static double RowKl(int i, double[] y, int[] rowStart, int[] columns, double[] values)
    {
        double xi = y[2 * i], yi = y[(2 * i) + 1], kl = 0;
        for (int t = rowStart[i]; t < rowStart[i + 1]; t++)
        {
            int j = columns[t];
            double dx = xi - y[2 * j], dy = yi - y[(2 * j) + 1];
            kl += values[t] * Math.Log(values[t] * (1 + (dx * dx) + (dy * dy)));
        }

        return kl;
    }
}
