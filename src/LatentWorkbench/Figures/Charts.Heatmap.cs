using LatentWorkbench.Compute;
using Plotly.NET;
using TorchSharp;
using PlotlyTrace = Plotly.NET.Trace;

namespace LatentWorkbench.Figures;

public static partial class Charts
{
    /// <summary>A heatmap of a matrix with row 0 at the top (as a matrix or image is read), with a colour bar.</summary>
    /// <param name="z">The values, rows × columns (e.g. a 28 × 28 image, a similarity matrix).</param>
    /// <param name="columnLabels">Labels of the columns (default 0, 1, ...).</param>
    /// <param name="rowLabels">Labels of the rows (default 0, 1, ...).</param>
    /// <param name="title">The figure title.</param>
    /// <param name="xTitle">The x-axis title.</param>
    /// <param name="yTitle">The y-axis title.</param>
    /// <param name="colorTitle">The colour bar's title.</param>
    /// <param name="showValues">Write each cell's value in it (for small matrices).</param>
    /// <param name="colorScale">The colour scale (default Viridis).</param>
    public static GenericChart Heatmap(double[,] z, IReadOnlyList<string>? columnLabels = null, IReadOnlyList<string>? rowLabels = null,
        string? title = null, string? xTitle = null, string? yTitle = null, string? colorTitle = null, bool showValues = false,
        ColorScale? colorScale = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        int rows = z.GetLength(0), columns = z.GetLength(1);
        if (columnLabels is not null && columnLabels.Count != columns)
        {
            throw new ArgumentException($"columnLabels has {columnLabels.Count} entries but the matrix has {columns} columns.", nameof(columnLabels));
        }

        if (rowLabels is not null && rowLabels.Count != rows)
        {
            throw new ArgumentException($"rowLabels has {rowLabels.Count} entries but the matrix has {rows} rows.", nameof(rowLabels));
        }

        var jagged = new double[rows][];
        for (int r = 0; r < rows; r++)
        {
            jagged[r] = new double[columns];
            for (int c = 0; c < columns; c++)
            {
                jagged[r][c] = z[r, c];
            }
        }

        var trace = ChartParts.Trace("heatmap",
            ("z", jagged),
            ("x", columnLabels?.ToArray()),
            ("y", rowLabels?.ToArray()),
            ("colorscale", Stops(colorScale ?? ColorScale.Viridis)),
            ("colorbar", colorTitle is null ? null : ChartParts.Obj(("title", ChartParts.Obj(("text", colorTitle))))),
            ("texttemplate", showValues ? "%{z:.3~g}" : null),
            ("hovertemplate", "row %{y}, column %{x}: %{z:.4g}<extra></extra>"));
        int side = Math.Clamp(Math.Max(rows, columns) * 36, 300, 520);
        return Charted([trace], title, (side + 160, side + 80),
            ChartParts.Axis(xTitle, grid: false), ChartParts.Axis(yTitle, reversed: true, grid: false));
    }

    /// <summary>A heatmap of a matrix tensor [rows, columns] (an image [28, 28], a similarity matrix), on any device.</summary>
    /// <param name="z">The values, [rows, columns] (a flat square image [H·W], such as one row of <c>MnistSplit.Images</c>, is drawn as H × W).</param>
    /// <param name="columnLabels">Labels of the columns (default 0, 1, ...).</param>
    /// <param name="rowLabels">Labels of the rows (default 0, 1, ...).</param>
    /// <param name="title">The figure title.</param>
    /// <param name="xTitle">The x-axis title.</param>
    /// <param name="yTitle">The y-axis title.</param>
    /// <param name="colorTitle">The colour bar's title.</param>
    /// <param name="showValues">Write each cell's value in it (for small matrices).</param>
    /// <param name="colorScale">The colour scale (default Viridis).</param>
    /// <exception cref="ArgumentException"><paramref name="z"/> is neither [rows, columns] nor a flat square image.</exception>
    public static GenericChart Heatmap(torch.Tensor z, IReadOnlyList<string>? columnLabels = null, IReadOnlyList<string>? rowLabels = null,
        string? title = null, string? xTitle = null, string? yTitle = null, string? colorTitle = null, bool showValues = false,
        ColorScale? colorScale = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        long side = z.dim() == 1 ? (long)Math.Round(Math.Sqrt(z.shape[0])) : 0;
        if (z.dim() != 2 && !(z.dim() == 1 && side * side == z.shape[0]))
        {
            throw new ArgumentException($"z must be a matrix [rows, columns] or a flat square image [H·W]; got [{string.Join(", ", z.shape)}].", nameof(z));
        }

        using var matrix = z.dim() == 2 ? z.alias() : z.reshape(side, side);
        using var host = TensorSpans.OnHost(matrix, nameof(z));
        var values = TensorSpans.Floats(host);
        int rows = (int)matrix.shape[0], columns = (int)matrix.shape[1];
        var grid = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                grid[r, c] = values[(r * columns) + c];
            }
        }

        return Heatmap(grid, columnLabels, rowLabels, title, xTitle, yTitle, colorTitle, showValues, colorScale);
    }

    /// <summary>A confusion matrix: true class down, predicted class across, counts written in the cells.</summary>
    /// <param name="counts">counts[true, predicted].</param>
    /// <param name="classNames">Names of the classes (default 0, 1, ...).</param>
    /// <param name="title">The figure title.</param>
    public static GenericChart ConfusionMatrix(int[,] counts, IReadOnlyList<string>? classNames = null, string? title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(counts);
        var z = new double[counts.GetLength(0), counts.GetLength(1)];
        for (int r = 0; r < z.GetLength(0); r++)
        {
            for (int c = 0; c < z.GetLength(1); c++)
            {
                z[r, c] = counts[r, c];
            }
        }

        return Heatmap(z, classNames, classNames, title, "predicted", "true", "count", showValues: true, ColorScale.Blues);
    }
}
