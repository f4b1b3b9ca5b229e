using System.Numerics.Tensors;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Kernels;

internal static partial class TensorKernels
{
    /// <summary>dst = a ∘ b with NumPy broadcasting (shapes up to 4-D; dst has the broadcast shape).</summary>
    /// <remarks>The innermost dimension is walked as a contiguous row (vector–vector, vector–scalar or scalar–vector).</remarks>
    public static void Binary(BinaryKind kind, ReadOnlySpan<float> a, int[] aShape, ReadOnlySpan<float> b, int[] bShape, Span<float> dst, int[] outShape)
    {
        if (a.Length == dst.Length && b.Length == dst.Length)
        {
            BinaryRow(kind, a, b, dst);
            return;
        }

        Span<int> o = stackalloc int[4], sa = stackalloc int[4], sb = stackalloc int[4];
        ShapeMath.Pad4(outShape, o);
        ShapeMath.BroadcastStrides(aShape, outShape, sa);
        ShapeMath.BroadcastStrides(bShape, outShape, sb);
        int n = o[3], d = 0;
        for (int i0 = 0; i0 < o[0]; i0++)
        {
            for (int i1 = 0; i1 < o[1]; i1++)
            {
                for (int i2 = 0; i2 < o[2]; i2++, d += n)
                {
                    int pa = (i0 * sa[0]) + (i1 * sa[1]) + (i2 * sa[2]);
                    int pb = (i0 * sb[0]) + (i1 * sb[1]) + (i2 * sb[2]);
                    var row = dst.Slice(d, n);
                    if (sa[3] != 0 && sb[3] != 0)
                    {
                        BinaryRow(kind, a.Slice(pa, n), b.Slice(pb, n), row);
                    }
                    else if (sa[3] != 0)
                    {
                        BinaryRowScalarRight(kind, a.Slice(pa, n), b[pb], row);
                    }
                    else if (sb[3] != 0)
                    {
                        BinaryRowScalarLeft(kind, a[pa], b.Slice(pb, n), row);
                    }
                    else
                    {
                        row.Fill(Apply(kind, a[pa], b[pb]));
                    }
                }
            }
        }
    }

    /// <summary>dst += src summed over the dimensions where dst's shape is 1 (or missing): the adjoint of broadcasting.</summary>
    public static void AccumulateSumTo(ReadOnlySpan<float> src, int[] srcShape, Span<float> dst, int[] dstShape)
    {
        if (src.Length == dst.Length)
        {
            TensorPrimitives.Add(dst, src, dst);
            return;
        }

        Span<int> o = stackalloc int[4], sd = stackalloc int[4];
        ShapeMath.Pad4(srcShape, o);
        ShapeMath.BroadcastStrides(dstShape, srcShape, sd);
        int n = o[3], s = 0;
        for (int i0 = 0; i0 < o[0]; i0++)
        {
            for (int i1 = 0; i1 < o[1]; i1++)
            {
                for (int i2 = 0; i2 < o[2]; i2++, s += n)
                {
                    int pd = (i0 * sd[0]) + (i1 * sd[1]) + (i2 * sd[2]);
                    var row = src.Slice(s, n);
                    if (sd[3] != 0)
                    {
                        var target = dst.Slice(pd, n);
                        TensorPrimitives.Add(target, row, target);
                    }
                    else
                    {
                        dst[pd] += TensorPrimitives.Sum(row);
                    }
                }
            }
        }
    }

    private static float Apply(BinaryKind kind, float x, float y) => kind switch
    {
        BinaryKind.Add => x + y,
        BinaryKind.Subtract => x - y,
        BinaryKind.Multiply => x * y,
        _ => x / y,
    };

    private static void BinaryRow(BinaryKind kind, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> dst)
    {
        switch (kind)
        {
            case BinaryKind.Add: TensorPrimitives.Add(x, y, dst); break;
            case BinaryKind.Subtract: TensorPrimitives.Subtract(x, y, dst); break;
            case BinaryKind.Multiply: TensorPrimitives.Multiply(x, y, dst); break;
            default: TensorPrimitives.Divide(x, y, dst); break;
        }
    }

    private static void BinaryRowScalarRight(BinaryKind kind, ReadOnlySpan<float> x, float y, Span<float> dst)
    {
        switch (kind)
        {
            case BinaryKind.Add: TensorPrimitives.Add(x, y, dst); break;
            case BinaryKind.Subtract: TensorPrimitives.Subtract(x, y, dst); break;
            case BinaryKind.Multiply: TensorPrimitives.Multiply(x, y, dst); break;
            default: TensorPrimitives.Divide(x, y, dst); break;
        }
    }

    private static void BinaryRowScalarLeft(BinaryKind kind, float x, ReadOnlySpan<float> y, Span<float> dst)
    {
        switch (kind)
        {
            case BinaryKind.Add: TensorPrimitives.Add(y, x, dst); break;
            case BinaryKind.Subtract: TensorPrimitives.Subtract(x, y, dst); break;
            case BinaryKind.Multiply: TensorPrimitives.Multiply(y, x, dst); break;
            default: TensorPrimitives.Divide(x, y, dst); break;
        }
    }
}
