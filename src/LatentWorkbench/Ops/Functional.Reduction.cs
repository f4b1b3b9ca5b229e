using LatentWorkbench.Autograd;
using LatentWorkbench.Kernels;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Ops;

public static partial class Functional
{
    /// <summary>Σ of all elements (a rank-0 tensor), accumulated in double.</summary>
    public static Tensor Sum(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = TensorStorage.Create([], clear: false);
        y.Span[0] = (float)TensorKernels.SumPrecise(x.Span);
        if (!Graph.Needs(x))
        {
            return y;
        }

        return Graph.Record(y, () =>
        {
            var gx = x.GradSpan();
            System.Numerics.Tensors.TensorPrimitives.Add(gx, y.Grad!.Span[0], gx);
        }, x);
    }

    /// <summary>Σ along <paramref name="axis"/>; the axis is dropped unless <paramref name="keepDim"/>.</summary>
    public static Tensor Sum(Tensor x, int axis, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        int a = ShapeMath.NormalizeAxis(axis, x.Rank, nameof(axis));
        int outer = 1, inner = 1, n = x.ShapeArray[a];
        for (int k = 0; k < a; k++)
        {
            outer *= x.ShapeArray[k];
        }

        for (int k = a + 1; k < x.Rank; k++)
        {
            inner *= x.ShapeArray[k];
        }

        int[] shape = ReducedShape(x.ShapeArray, a, keepDim);
        var y = TensorStorage.Create(shape, clear: false);
        TensorKernels.SumAxis(x.Span, outer, n, inner, y.Span);
        if (!Graph.Needs(x))
        {
            return y;
        }

        return Graph.Record(y, () => TensorKernels.SumAxisBackward(y.Grad!.Span, outer, n, inner, x.GradSpan()), x);
    }

    /// <summary>Mean of all elements (composite: Σ / n).</summary>
    public static Tensor Mean(Tensor x) => Scale(Sum(x), 1f / Math.Max(x.Length, 1));

    /// <summary>Mean along <paramref name="axis"/> (composite: Σ / n).</summary>
    public static Tensor Mean(Tensor x, int axis, bool keepDim = false) => Scale(Sum(x, axis, keepDim), 1f / x.Dim(axis));

    /// <summary>log softmax along the last axis: yᵢ = xᵢ − log Σⱼ exp(xⱼ) (rows of [N, C]; higher ranks use the last axis).</summary>
    public static Tensor LogSoftmax(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int cols = x.Dim(-1), rows = x.Length / Math.Max(cols, 1);
        var y = TensorStorage.Create(x.ShapeArray, clear: false);
        TensorKernels.LogSoftmaxRows(x.Span, rows, cols, y.Span);
        if (!Graph.Needs(x))
        {
            return y;
        }

        return Graph.Record(y, () => TensorKernels.LogSoftmaxRowsBackward(y.Span, y.Grad!.Span, rows, cols, x.GradSpan()), x);
    }

    /// <summary>softmax along the last axis (composite: exp of <see cref="LogSoftmax"/>).</summary>
    public static Tensor Softmax(Tensor x) => Exp(LogSoftmax(x));

    private static int[] ReducedShape(int[] shape, int axis, bool keepDim)
    {
        if (keepDim)
        {
            int[] kept = (int[])shape.Clone();
            kept[axis] = 1;
            return kept;
        }

        var reduced = new int[shape.Length - 1];
        for (int k = 0, j = 0; k < shape.Length; k++)
        {
            if (k != axis)
            {
                reduced[j++] = shape[k];
            }
        }

        return reduced;
    }
}
