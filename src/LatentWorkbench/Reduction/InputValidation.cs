using TorchSharp;

namespace LatentWorkbench.Reduction;

/// <summary>Checks shared by every reducer and metric, so all of them fail the same clear way.</summary>
internal static class InputValidation
{
    /// <summary>Throws unless <paramref name="data"/> has at least <paramref name="minRows"/> rows, one column and only finite values.</summary>
    public static void RequireFiniteMatrix(Matrix? data, string paramName, int minRows = 1)
    {
        if (data is null)
        {
            throw new ArgumentNullException(paramName, $"{paramName} is null; expected an N×D matrix.");
        }

        if (data.Rows == 0 || data.Cols == 0)
        {
            throw new ArgumentException($"{paramName} is empty ({data.Rows}×{data.Cols}); expected at least one row and one column.", paramName);
        }

        if (data.Rows < minRows)
        {
            throw new ArgumentException($"{paramName} has {data.Rows} rows; expected at least {minRows}.", paramName);
        }

        RequireFinite(data.Values, data.Cols, paramName);
    }

    /// <summary>Throws at the first NaN or infinity, naming its row and column.</summary>
    public static void RequireFinite(ReadOnlySpan<float> values, int cols, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"{paramName} holds {values[i]} at row {i / cols}, column {i % cols}; expected only finite values.", paramName);
            }
        }
    }

    /// <summary>Throws unless <paramref name="data"/> has exactly <paramref name="expectedCols"/> columns.</summary>
    public static void RequireColumns(Matrix data, int expectedCols, string paramName)
    {
        if (data.Cols != expectedCols)
        {
            throw new ArgumentException(
                $"{paramName} has {data.Cols} columns; the model was fitted on {expectedCols}.", paramName);
        }
    }

    /// <summary>Throws unless <paramref name="labels"/> has one entry per row of the data.</summary>
    public static void RequireLabels<T>(ReadOnlySpan<T> labels, int rows, string paramName)
    {
        if (labels.Length != rows)
        {
            throw new ArgumentException($"{paramName} has {labels.Length} entries; expected one per row ({rows}).", paramName);
        }
    }

    /// <summary>
    /// The class labels in <paramref name="labels"/> (an integer tensor [N], typically int64, on any device) as an
    /// array our kernels index (one small copy), after checking there is one per row of the data.
    /// </summary>
    public static int[] Labels(torch.Tensor labels, int rows, string paramName) =>
        LatentWorkbench.Compute.TensorArguments.Labels(labels, paramName, rows);
}
