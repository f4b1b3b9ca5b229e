using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Reduction;

/// <summary>
/// A dense row-major float32 matrix: how our span kernels see the N×D points a reducer or metric was given as a tensor.
/// </summary>
/// <remarks>
/// Element (i, j) is <c>Values[i * Cols + j]</c>; shape [Rows, Cols]. A matrix either owns an array the kernels
/// produced (a result, copied once into a tensor by <see cref="ToTensor"/>), or reads a caller's
/// contiguous float32 CPU tensor in place (<see cref="View"/>, through <see cref="TensorSpans"/>), so a reducer reads
/// N×784 MNIST pixels without a second 188 MB buffer. Reducers never write to their input. Internal: the public seam of
/// Reduction and Metrics is <c>torch.Tensor</c>.
/// </remarks>
internal sealed partial class Matrix
{
    private readonly float[]? _array;
    private readonly torch.Tensor? _tensor;
    private readonly nint _address;

    /// <summary>Wraps <paramref name="data"/> (not copied) as a <paramref name="rows"/>×<paramref name="cols"/> matrix.</summary>
    /// <exception cref="ArgumentException">The length of <paramref name="data"/> is not rows × cols, or a dimension is negative.</exception>
    public Matrix(float[] data, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if ((long)rows * cols != data.Length)
        {
            throw new ArgumentException(
                $"data has {data.Length} values; expected rows × cols = {rows} × {cols} = {(long)rows * cols}.", nameof(data));
        }

        _array = data;
        Rows = rows;
        Cols = cols;
    }

    private unsafe Matrix(torch.Tensor tensor, ReadOnlySpan<float> values, int rows, int cols)
    {
        // The address is read once: kernels index rows in hot loops, and asking libtorch for it on every read would
        // cost native calls per row. _tensor keeps the storage's handle reachable for the matrix's lifetime.
        _tensor = tensor;
        fixed (float* start = values)
        {
            _address = (nint)start;
        }

        Rows = rows;
        Cols = cols;
    }

    /// <summary>The values, row-major: the array this matrix owns, or the viewed tensor's buffer read in place.</summary>
    public unsafe ReadOnlySpan<float> Values => _array ?? new ReadOnlySpan<float>((void*)_address, Rows * Cols);

    /// <summary>The array of a matrix the kernels produced (a view of a caller's tensor has none).</summary>
    /// <exception cref="InvalidOperationException">This matrix is a view of a tensor.</exception>
    public float[] Data => _array ?? throw new InvalidOperationException("This matrix reads a tensor in place and owns no array.");

    /// <summary>The number of rows (samples).</summary>
    public int Rows { get; }

    /// <summary>The number of columns (features).</summary>
    public int Cols { get; }

    /// <summary>A new zero matrix of the given shape.</summary>
    public static Matrix Zeros(int rows, int cols) => new(new float[checked(rows * cols)], rows, cols);

    /// <summary>Row <paramref name="index"/>, without copying.</summary>
    public ReadOnlySpan<float> Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Rows);
        return Values.Slice(index * Cols, Cols);
    }

    /// <summary>Element (<paramref name="row"/>, <paramref name="col"/>).</summary>
    public float this[int row, int col] => Values[(row * Cols) + col];

    /// <summary>The rows listed in <paramref name="indices"/>, in that order, as a new matrix.</summary>
    public Matrix SelectRows(ReadOnlySpan<int> indices)
    {
        var result = new float[checked(indices.Length * Cols)];
        for (int i = 0; i < indices.Length; i++)
        {
            Row(indices[i]).CopyTo(result.AsSpan(i * Cols, Cols));
        }

        return new Matrix(result, indices.Length, Cols);
    }

    /// <summary>The first <paramref name="count"/> rows as a new matrix (copied).</summary>
    public Matrix TakeRows(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        count = Math.Min(count, Rows);
        return new Matrix(Values[..(count * Cols)].ToArray(), count, Cols);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Matrix [{Rows}×{Cols}]";
}
