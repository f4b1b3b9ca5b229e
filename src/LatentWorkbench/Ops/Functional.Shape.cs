using LatentWorkbench.Autograd;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Ops;

public static partial class Functional
{
    /// <summary>The same elements viewed with a new shape (no copy); one dimension may be −1 (inferred).</summary>
    public static Tensor Reshape(Tensor x, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        int[] s = InferShape(x, shape);
        var y = TensorStorage.View(x, x.Offset, s);
        if (!Graph.Needs(x))
        {
            return y;
        }

        return Graph.Record(y, () =>
        {
            var gx = x.GradSpan();
            System.Numerics.Tensors.TensorPrimitives.Add(gx, y.Grad!.Span, gx);
        }, x);
    }

    /// <summary>Rows [start, start + count) along the first axis, as a view (no copy): a mini-batch of a dataset tensor.</summary>
    public static Tensor Rows(Tensor x, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank == 0 || start < 0 || count < 0 || start + count > x.Dim(0))
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Rows [{start}, {start + count}) are outside the {(x.Rank == 0 ? 0 : x.Dim(0))} rows of {ShapeMath.Format(x.ShapeArray)}.");
        }

        int rowLength = x.Length / Math.Max(x.Dim(0), 1);
        int[] shape = (int[])x.ShapeArray.Clone();
        shape[0] = count;
        var y = TensorStorage.View(x, x.Offset + (start * rowLength), shape);
        if (!Graph.Needs(x))
        {
            return y;
        }

        return Graph.Record(y, () =>
        {
            var gx = x.GradSpan().Slice(start * rowLength, count * rowLength);
            System.Numerics.Tensors.TensorPrimitives.Add(gx, y.Grad!.Span, gx);
        }, x);
    }

    /// <summary>The rows of <paramref name="x"/> listed in <paramref name="indices"/>, copied in that order (a shuffled mini-batch).</summary>
    public static Tensor IndexRows(Tensor x, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(x);
        int rows = x.Dim(0), rowLength = x.Length / Math.Max(rows, 1);
        int[] shape = (int[])x.ShapeArray.Clone();
        shape[0] = indices.Length;
        var y = TensorStorage.Create(shape, clear: false);
        var src = x.Span;
        var dst = y.Span;
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)rows)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"Row index {indices[i]} is outside [0, {rows}).");
            }

            src.Slice(indices[i] * rowLength, rowLength).CopyTo(dst.Slice(i * rowLength, rowLength));
        }

        if (!Graph.Needs(x))
        {
            return y;
        }

        int[] kept = indices.ToArray();
        return Graph.Record(y, () =>
        {
            var gx = x.GradSpan();
            var gy = y.Grad!.Span;
            for (int i = 0; i < kept.Length; i++)
            {
                var target = gx.Slice(kept[i] * rowLength, rowLength);
                System.Numerics.Tensors.TensorPrimitives.Add(target, gy.Slice(i * rowLength, rowLength), target);
            }
        }, x);
    }

    /// <summary>Flattens every dimension after the first: [N, …] → [N, Π…] (a view).</summary>
    public static Tensor Flatten(Tensor x) => Reshape(x, x.Dim(0), -1);

    private static int[] InferShape(Tensor x, int[] shape)
    {
        ShapeMath.Validate(shape.Select(d => Math.Max(d, 0)).ToArray(), nameof(shape));
        int[] s = (int[])shape.Clone();
        int inferred = Array.IndexOf(s, -1);
        if (inferred >= 0)
        {
            int known = 1;
            for (int k = 0; k < s.Length; k++)
            {
                known *= k == inferred ? 1 : s[k];
            }

            s[inferred] = known == 0 ? 0 : x.Length / known;
        }

        if (ShapeMath.ElementCount(s) != x.Length)
        {
            throw new ArgumentException($"Cannot view {ShapeMath.Format(x.ShapeArray)} ({x.Length} elements) as {ShapeMath.Format(shape)}.", nameof(shape));
        }

        return s;
    }
}
