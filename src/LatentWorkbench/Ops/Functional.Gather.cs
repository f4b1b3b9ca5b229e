using LatentWorkbench.Autograd;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Ops;

public static partial class Functional
{
    /// <summary>Joins tensors along <paramref name="axis"/>; the other dimensions must agree.</summary>
    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int axis = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Concat needs at least one tensor.", nameof(tensors));
        }

        var first = tensors[0];
        int a = ShapeMath.NormalizeAxis(axis, first.Rank, nameof(axis));
        int outer = 1, inner = 1, total = 0;
        for (int k = 0; k < a; k++)
        {
            outer *= first.ShapeArray[k];
        }

        for (int k = a + 1; k < first.Rank; k++)
        {
            inner *= first.ShapeArray[k];
        }

        foreach (var t in tensors)
        {
            for (int k = 0; k < first.Rank; k++)
            {
                if (t.Rank != first.Rank || (k != a && t.ShapeArray[k] != first.ShapeArray[k]))
                {
                    throw new ArgumentException($"Concat along axis {a}: shape {ShapeMath.Format(t.ShapeArray)} does not match {ShapeMath.Format(first.ShapeArray)}.", nameof(tensors));
                }
            }

            total += t.ShapeArray[a];
        }

        int[] shape = (int[])first.ShapeArray.Clone();
        shape[a] = total;
        var y = TensorStorage.Create(shape, clear: false);
        Tensor[] parts = [.. tensors];
        CopyBlocks(parts, outer, inner, total, y.Span, toOutput: true);
        if (!parts.Any(p => p.RequiresGrad) || !GradMode.IsEnabled)
        {
            return y;
        }

        return Graph.Record(y, () => CopyBlocks(parts, outer, inner, total, y.Grad!.Span, toOutput: false), parts);
    }

    /// <summary>
    /// y[i] = x[i, index[i]] for x [N, C]: picks one entry per row (e.g. the log-probability of the label).
    /// </summary>
    public static Tensor Gather(Tensor x, ReadOnlySpan<int> index)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2 || index.Length != x.Dim(0))
        {
            throw new ArgumentException($"Gather needs x [N, C] and N indices; got {ShapeMath.Format(x.ShapeArray)} and {index.Length} indices.", nameof(index));
        }

        int cols = x.Dim(1);
        int[] kept = index.ToArray();
        var y = TensorStorage.Create([kept.Length], clear: false);
        var xs = x.Span;
        for (int i = 0; i < kept.Length; i++)
        {
            if ((uint)kept[i] >= (uint)cols)
            {
                throw new ArgumentOutOfRangeException(nameof(index), $"Index {kept[i]} at row {i} is outside [0, {cols}).");
            }

            y.Span[i] = xs[(i * cols) + kept[i]];
        }

        if (!Graph.Needs(x))
        {
            return y;
        }

        return Graph.Record(y, () =>
        {
            var gx = x.GradSpan();
            var gy = y.Grad!.Span;
            for (int i = 0; i < kept.Length; i++)
            {
                gx[(i * cols) + kept[i]] += gy[i];
            }
        }, x);
    }

    /// <summary>
    /// Inverted dropout: in training, zeroes each element with probability p and scales the rest by 1/(1 − p)
    /// (Srivastava et al. 2014); the identity otherwise. Composite: x · mask.
    /// </summary>
    public static Tensor Dropout(Tensor x, float p, bool training, TensorRandom random)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(random);
        if (p < 0f || p >= 1f)
        {
            throw new ArgumentOutOfRangeException(nameof(p), $"Dropout probability must be in [0, 1); got {p}.");
        }

        if (!training || p == 0f)
        {
            return x;
        }

        var mask = TensorStorage.Create(x.ShapeArray, clear: false);
        var m = mask.Span;
        float keepScale = 1f / (1f - p);
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = random.NextFloat() < p ? 0f : keepScale;
        }

        return Mul(x, mask);
    }

    /// <summary>Copies each part's [outer, size_a, inner] block into (or, for gradients, out of and added to) the joined buffer.</summary>
    private static void CopyBlocks(Tensor[] parts, int outer, int inner, int total, Span<float> joined, bool toOutput)
    {
        int offset = 0;
        foreach (var part in parts)
        {
            int block = part.ShapeArray.Length == 0 ? 1 : part.Length / Math.Max(outer, 1);
            if (toOutput || part.RequiresGrad)
            {
                var partSpan = toOutput ? part.Span : part.GradSpan();
                for (int o = 0; o < outer; o++)
                {
                    var j = joined.Slice((o * total * inner) + offset, block);
                    var p = partSpan.Slice(o * block, block);
                    if (toOutput)
                    {
                        p.CopyTo(j);
                    }
                    else
                    {
                        System.Numerics.Tensors.TensorPrimitives.Add(p, j, p);
                    }
                }
            }

            offset += block;
        }
    }
}
