namespace LatentWorkbench.Reduction;

/// <summary>
/// A dense row-major float32 matrix: the input and output type of every reducer and metric.
/// </summary>
/// <remarks>
/// Element (i, j) is <c>Data[i * Cols + j]</c>; shape [Rows, Cols]. The array is shared, not copied,
/// so a reducer can read N×784 MNIST pixels without a second 188 MB buffer. Reducers never write to it.
/// </remarks>
public sealed partial class Matrix
{
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

        Data = data;
        Rows = rows;
        Cols = cols;
    }

    /// <summary>The values, row-major.</summary>
    public float[] Data { get; }

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
        return Data.AsSpan(index * Cols, Cols);
    }

    /// <summary>Element (<paramref name="row"/>, <paramref name="col"/>).</summary>
    public float this[int row, int col] => Data[(row * Cols) + col];

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
        return new Matrix(Data[..(count * Cols)], count, Cols);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Matrix [{Rows}×{Cols}]";
}
