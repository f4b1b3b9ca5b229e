using System.Globalization;
using System.Text;

namespace LatentWorkbench.Tensors;

/// <summary>Shape arithmetic: element counts, axes, NumPy broadcasting and formatting.</summary>
internal static class ShapeMath
{
    public static int ElementCount(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int d in shape)
        {
            count *= d;
        }

        return checked((int)count);
    }

    public static void Validate(ReadOnlySpan<int> shape, string parameter)
    {
        if (shape.Length > Tensor.MaxRank)
        {
            throw new ArgumentException($"Tensors have at most {Tensor.MaxRank} dimensions; got shape {Format(shape)}.", parameter);
        }

        foreach (int d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Dimensions must be non-negative; got shape {Format(shape)}.", parameter);
            }
        }
    }

    public static int NormalizeAxis(int axis, int rank, string parameter)
    {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= Math.Max(rank, 1))
        {
            throw new ArgumentOutOfRangeException(parameter, $"Axis {axis} is out of range for a tensor of rank {rank}.");
        }

        return a;
    }

    public static int FlatIndex(int[] shape, int[] indices)
    {
        if (indices.Length != shape.Length)
        {
            throw new ArgumentException($"Expected {shape.Length} indices for shape {Format(shape)}; got {indices.Length}.", nameof(indices));
        }

        int flat = 0;
        for (int k = 0; k < shape.Length; k++)
        {
            if ((uint)indices[k] >= (uint)shape[k])
            {
                throw new IndexOutOfRangeException($"Index {indices[k]} is out of range for dimension {k} of size {shape[k]}.");
            }

            flat = (flat * shape[k]) + indices[k];
        }

        return flat;
    }

    public static bool SameShape(int[] a, int[] b) => a.AsSpan().SequenceEqual(b);

    /// <summary>The NumPy broadcast of two shapes (align right; sizes equal or one of them 1).</summary>
    public static int[] Broadcast(int[] a, int[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int k = 0; k < rank; k++)
        {
            int da = k < rank - a.Length ? 1 : a[k - (rank - a.Length)];
            int db = k < rank - b.Length ? 1 : b[k - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
            {
                throw new ArgumentException($"Shapes {Format(a)} and {Format(b)} cannot be broadcast: dimension {k} is {da} vs {db}.");
            }

            result[k] = da == 1 ? db : da;
        }

        return result;
    }

    /// <summary>
    /// Pads <paramref name="shape"/> on the left to 4 dimensions and gives the strides with which to read it
    /// while walking <paramref name="target"/> (0 along broadcast dimensions).
    /// </summary>
    public static void BroadcastStrides(int[] shape, int[] target, Span<int> strides)
    {
        int pad = 4 - shape.Length, targetPad = 4 - target.Length;
        int stride = 1;
        for (int k = 3; k >= 0; k--)
        {
            int d = k < pad ? 1 : shape[k - pad];
            int t = k < targetPad ? 1 : target[k - targetPad];
            strides[k] = d == 1 && t != 1 ? 0 : stride;
            stride *= d;
        }
    }

    public static void Pad4(int[] shape, Span<int> padded)
    {
        int pad = 4 - shape.Length;
        for (int k = 0; k < 4; k++)
        {
            padded[k] = k < pad ? 1 : shape[k - pad];
        }
    }

    public static string Format(ReadOnlySpan<int> shape)
    {
        var sb = new StringBuilder("[");
        for (int k = 0; k < shape.Length; k++)
        {
            sb.Append(k > 0 ? ", " : string.Empty).Append(shape[k].ToString(CultureInfo.InvariantCulture));
        }

        return sb.Append(']').ToString();
    }
}
