namespace LatentWorkbench.Reduction;

/// <summary>Building matrices from the rows of others: stacking and seeded sampling.</summary>
internal sealed partial class Matrix
{
    /// <summary>The rows of <paramref name="parts"/> one after another, as a new matrix (e.g. originals, then
    /// their reconstructions at several k, ready for an image grid).</summary>
    /// <exception cref="ArgumentException">No parts were given, or the parts' column counts differ.</exception>
    public static Matrix StackRows(IEnumerable<Matrix> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Matrix[] list = [.. parts];
        if (list.Length == 0)
        {
            throw new ArgumentException("StackRows needs at least one matrix.", nameof(parts));
        }

        int cols = list[0].Cols;
        for (int p = 1; p < list.Length; p++)
        {
            if (list[p].Cols != cols)
            {
                throw new ArgumentException($"parts[{p}] has {list[p].Cols} columns but parts[0] has {cols}; stacked rows must have the same length.", nameof(parts));
            }
        }

        var data = new float[checked(list.Sum(m => (long)m.Rows * m.Cols))];
        int offset = 0;
        foreach (var part in list)
        {
            part.Values.CopyTo(data.AsSpan(offset));
            offset += part.Rows * part.Cols;
        }

        return new Matrix(data, cols == 0 ? list.Sum(m => m.Rows) : data.Length / cols, cols);
    }

    /// <summary>The row indices <see cref="SampleRows"/> picks: <paramref name="count"/> distinct rows, uniformly at
    /// random without replacement, in the order drawn.</summary>
    /// <remarks>A partial Fisher–Yates shuffle driven by <c>new Random(seed)</c>: the same seed and row count
    /// always give the same indices.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or more than <see cref="Rows"/>.</exception>
    public int[] SampleRowIndices(int count, int seed) => SampleIndices(Rows, count, seed);

    /// <summary><paramref name="count"/> distinct indices in [0, <paramref name="rows"/>), drawn as <see cref="SampleRowIndices"/> draws them.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or more than <paramref name="rows"/>.</exception>
    public static int[] SampleIndices(int rows, int count, int seed)
    {
        if (count < 0 || count > rows)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be between 0 and the {rows} rows of the matrix.");
        }

        var order = new int[rows];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order[..count];
    }

    /// <summary><paramref name="count"/> distinct rows drawn at random (seeded), as a new matrix.</summary>
    /// <inheritdoc cref="SampleRowIndices" path="/remarks"/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or more than <see cref="Rows"/>.</exception>
    public Matrix SampleRows(int count, int seed) => SelectRows(SampleRowIndices(count, seed));
}
