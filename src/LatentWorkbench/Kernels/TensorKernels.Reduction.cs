using System.Numerics.Tensors;

namespace LatentWorkbench.Kernels;

internal static partial class TensorKernels
{
    /// <summary>dst[o, i] = Σ_j src[o, j, i] for src viewed as [outer, n, inner].</summary>
    public static void SumAxis(ReadOnlySpan<float> src, int outer, int n, int inner, Span<float> dst)
    {
        dst.Clear();
        for (int o = 0; o < outer; o++)
        {
            var target = dst.Slice(o * inner, inner);
            for (int j = 0; j < n; j++)
            {
                var row = src.Slice(((o * n) + j) * inner, inner);
                if (inner == 1)
                {
                    target[0] += row[0];
                }
                else
                {
                    TensorPrimitives.Add(target, row, target);
                }
            }
        }
    }

    /// <summary>gx[o, j, i] += gy[o, i]: the adjoint of <see cref="SumAxis"/>.</summary>
    public static void SumAxisBackward(ReadOnlySpan<float> gy, int outer, int n, int inner, Span<float> gx)
    {
        for (int o = 0; o < outer; o++)
        {
            var g = gy.Slice(o * inner, inner);
            for (int j = 0; j < n; j++)
            {
                var row = gx.Slice(((o * n) + j) * inner, inner);
                TensorPrimitives.Add(row, g, row);
            }
        }
    }

    /// <summary>dst (+)= Σ over rows of src ([rows, cols] → [cols]), e.g. a bias gradient.</summary>
    public static void ColumnSums(ReadOnlySpan<float> src, int rows, int cols, Span<float> dst, bool accumulate)
    {
        if (!accumulate)
        {
            dst.Clear();
        }

        for (int r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(dst, src.Slice(r * cols, cols), dst);
        }
    }

    /// <summary>y = x − log Σ exp(x) along each row of [rows, cols] (max subtracted first for stability).</summary>
    public static void LogSoftmaxRows(ReadOnlySpan<float> x, int rows, int cols, Span<float> y)
    {
        for (int r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * cols, cols);
            var yr = y.Slice(r * cols, cols);
            float max = TensorPrimitives.Max(xr);
            TensorPrimitives.Subtract(xr, max, yr);
            float logSum = MathF.Log(SumExp(yr));
            TensorPrimitives.Subtract(yr, logSum, yr);
        }
    }

    /// <summary>gx += gy − softmax · Σ gy, row by row (softmax = exp(y)).</summary>
    public static void LogSoftmaxRowsBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> gy, int rows, int cols, Span<float> gx)
    {
        for (int r = 0; r < rows; r++)
        {
            var yr = y.Slice(r * cols, cols);
            var gyr = gy.Slice(r * cols, cols);
            var gxr = gx.Slice(r * cols, cols);
            float total = TensorPrimitives.Sum(gyr);
            for (int c = 0; c < cols; c++)
            {
                gxr[c] += gyr[c] - (MathF.Exp(yr[c]) * total);
            }
        }
    }

    /// <summary><see cref="BceWithLogitsSum"/> over fixed parts in parallel; partial sums are added in part order.</summary>
    public static unsafe double BceWithLogitsSumParallel(ReadOnlySpan<float> x, ReadOnlySpan<float> t)
    {
        int parts = FixedPartition.PartCount(x.Length);
        if (parts == 1)
        {
            return BceWithLogitsSum(x, t);
        }

        var partials = new double[parts];
        fixed (float* px = x, pt = t)
        {
            nint ax = (nint)px, at = (nint)pt;
            FixedPartition.Run(x.Length, (part, start, count) =>
                partials[part] = BceWithLogitsSum(new ReadOnlySpan<float>((float*)ax + start, count), new ReadOnlySpan<float>((float*)at + start, count)));
        }

        double total = 0;
        foreach (double partial in partials)
        {
            total += partial;
        }

        return total;
    }

    /// <summary><see cref="BceWithLogitsBackward"/> over fixed parts in parallel (elementwise).</summary>
    public static unsafe void BceWithLogitsBackwardParallel(ReadOnlySpan<float> x, ReadOnlySpan<float> t, float g, Span<float> gx)
    {
        if (FixedPartition.PartCount(x.Length) == 1)
        {
            BceWithLogitsBackward(x, t, g, gx);
            return;
        }

        fixed (float* px = x, pt = t, pg = gx)
        {
            nint ax = (nint)px, at = (nint)pt, ag = (nint)pg;
            FixedPartition.Run(x.Length, (_, start, count) => BceWithLogitsBackward(
                new ReadOnlySpan<float>((float*)ax + start, count), new ReadOnlySpan<float>((float*)at + start, count), g, new Span<float>((float*)ag + start, count)));
        }
    }

    /// <summary>
    /// Σᵢ max(xᵢ, 0) − xᵢ tᵢ + log(1 + exp(−|xᵢ|)): binary cross-entropy on logits x with targets t, never
    /// evaluating exp of a large positive number. Vectorized in chunks; the total is summed in double.
    /// </summary>
    public static double BceWithLogitsSum(ReadOnlySpan<float> x, ReadOnlySpan<float> t)
    {
        const int chunk = 2048;
        var scratch = RentScratch(chunk);
        double total = 0;
        for (int start = 0; start < x.Length; start += chunk)
        {
            int n = Math.Min(chunk, x.Length - start);
            var xs = x.Slice(start, n);
            var s = scratch.AsSpan(0, n);
            TensorPrimitives.Abs(xs, s);
            TensorPrimitives.Negate(s, s);
            TensorPrimitives.Exp(s, s);
            TensorPrimitives.Add(s, 1f, s);
            TensorPrimitives.Log(s, s);
            double part = TensorPrimitives.Sum(s) - TensorPrimitives.Dot(xs, t.Slice(start, n));
            TensorPrimitives.Max(xs, 0f, s);
            total += part + TensorPrimitives.Sum(s);
        }

        ReturnScratch(scratch);
        return total;
    }

    /// <summary>gx += g · (σ(x) − t): the gradient of <see cref="BceWithLogitsSum"/> scaled by the upstream g.</summary>
    public static void BceWithLogitsBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> t, float g, Span<float> gx)
    {
        const int chunk = 2048;
        var scratch = RentScratch(chunk);
        for (int start = 0; start < x.Length; start += chunk)
        {
            int n = Math.Min(chunk, x.Length - start);
            var s = scratch.AsSpan(0, n);
            TensorPrimitives.Sigmoid(x.Slice(start, n), s);
            TensorPrimitives.Subtract(s, t.Slice(start, n), s);
            var target = gx.Slice(start, n);
            TensorPrimitives.MultiplyAdd(s, g, target, target);
        }

        ReturnScratch(scratch);
    }

    private static float SumExp(Span<float> values)
    {
        float total = 0;
        foreach (float v in values)
        {
            total += MathF.Exp(v);
        }

        return total;
    }
}
