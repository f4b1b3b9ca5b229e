namespace LatentWorkbench.Figures;

/// <summary>One-line builders for the common figures.</summary>
public sealed partial class Figure
{
    /// <summary>Points coloured by class label, one legend entry per class (e.g. a 2-D embedding by digit).</summary>
    /// <param name="x">Horizontal coordinates, length N.</param>
    /// <param name="y">Vertical coordinates, length N.</param>
    /// <param name="labels">Class of each point, length N; class k always gets palette colour k.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="xTitle">Horizontal axis title.</param>
    /// <param name="yTitle">Vertical axis title.</param>
    /// <param name="classNames">Legend name of class k (null: the number k).</param>
    /// <param name="hoverText">Per-point hover text in the interactive rendering, length N.</param>
    public static Figure Scatter(float[] x, float[] y, byte[] labels, string? title = null, string? xTitle = null, string? yTitle = null,
        IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? hoverText = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Scatter(x, y, Array.ConvertAll(labels, b => (int)b), title, xTitle, yTitle, classNames, hoverText);
    }

    /// <inheritdoc cref="Scatter(float[], float[], byte[], string?, string?, string?, IReadOnlyList{string}?, IReadOnlyList{string}?)"/>
    public static Figure Scatter(float[] x, float[] y, int[] labels, string? title = null, string? xTitle = null, string? yTitle = null,
        IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? hoverText = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != x.Length)
        {
            throw new ArgumentException($"labels has {labels.Length} entries but there are {x.Length} points.", nameof(labels));
        }

        if (hoverText is not null && hoverText.Count != x.Length)
        {
            throw new ArgumentException($"hoverText has {hoverText.Count} entries but there are {x.Length} points.", nameof(hoverText));
        }

        var panel = new Panel { Title = null, ShowLegend = true };
        foreach (var group in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            int[] members = [.. group];
            int label = group.Key;
            string name = classNames is not null && label >= 0 && label < classNames.Count ? classNames[label] : Format.Integer(label);
            panel.Traces.Add(new ScatterTrace([.. members.Select(i => x[i])], [.. members.Select(i => y[i])])
            {
                Name = name,
                Color = Palette.ColorFor(label),
                HoverText = hoverText is null ? null : [.. members.Select(i => hoverText[i])],
            });
        }

        return Single(panel, title, xTitle, yTitle);
    }

    /// <summary>Points in one colour, or coloured by <paramref name="colorValues"/> through a colour map with a colour bar.</summary>
    /// <param name="x">Horizontal coordinates, length N.</param>
    /// <param name="y">Vertical coordinates, length N.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="xTitle">Horizontal axis title.</param>
    /// <param name="yTitle">Vertical axis title.</param>
    /// <param name="colorValues">A value per point mapped through <paramref name="colorScale"/> (null: one colour).</param>
    /// <param name="colorTitle">Colour bar title.</param>
    /// <param name="hoverText">Per-point hover text, length N.</param>
    /// <param name="colorScale">The colour map (default Viridis).</param>
    public static Figure Scatter(float[] x, float[] y, string? title = null, string? xTitle = null, string? yTitle = null,
        float[]? colorValues = null, string? colorTitle = null, IReadOnlyList<string>? hoverText = null, ColorScale? colorScale = null)
    {
        var trace = new ScatterTrace(x, y) { HoverText = hoverText, ColorTitle = colorTitle, ColorScale = colorScale ?? ColorScale.Viridis };
        if (colorValues is not null && colorValues.Length != x.Length)
        {
            throw new ArgumentException($"colorValues has {colorValues.Length} entries but there are {x.Length} points.", nameof(colorValues));
        }

        if (hoverText is not null && hoverText.Count != x.Length)
        {
            throw new ArgumentException($"hoverText has {hoverText.Count} entries but there are {x.Length} points.", nameof(hoverText));
        }

        trace.ColorValues = colorValues;
        return Single(new Panel(trace), title, xTitle, yTitle);
    }

    /// <summary>A scatter of an N × 2 embedding stored row-major (x0, y0, x1, y1, …), coloured by label when given.</summary>
    /// <exception cref="ArgumentException"><paramref name="xy"/> has an odd length.</exception>
    public static Figure Embedding(float[] xy, byte[]? labels = null, string? title = null, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(xy);
        if (xy.Length % 2 != 0)
        {
            throw new ArgumentException($"xy has {xy.Length} values; an N × 2 embedding needs an even count.", nameof(xy));
        }

        var x = new float[xy.Length / 2];
        var y = new float[xy.Length / 2];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = xy[2 * i];
            y[i] = xy[(2 * i) + 1];
        }

        return labels is null
            ? Scatter(x, y, title, "dimension 1", "dimension 2")
            : Scatter(x, y, labels, title, "dimension 1", "dimension 2", classNames);
    }

    /// <summary>A line through <paramref name="y"/> against <paramref name="x"/> (null: 0, 1, 2, …); add more with <see cref="AddLine"/>.</summary>
    public static Figure Line(IReadOnlyList<double> y, string? name = null, IReadOnlyList<double>? x = null,
        string? title = null, string? xTitle = null, string? yTitle = null, bool logY = false)
    {
        var figure = Single(new Panel(new LineTrace { Name = name }.AppendRange(y, x)), title, xTitle, yTitle);
        figure.Main.Y.Log = logY;
        return figure;
    }

    /// <summary>An empty line chart with named series, to fill epoch by epoch with <see cref="Append(string, double, double)"/>.</summary>
    public static Figure Lines(IReadOnlyList<string> series, string? title = null, string? xTitle = "epoch", string? yTitle = null, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        var figure = Single(new Panel([.. series.Select(s => new LineTrace { Name = s })]) { ShowLegend = true }, title, xTitle, yTitle);
        figure.Main.Y.Log = logY;
        return figure;
    }

    /// <summary>Adds a line to the first panel.</summary>
    public Figure AddLine(IReadOnlyList<double> y, string? name = null, IReadOnlyList<double>? x = null) =>
        Add(new LineTrace { Name = name }.AppendRange(y, x));

    /// <summary>Bars, one per category.</summary>
    public static Figure Bar(IReadOnlyList<string> categories, IReadOnlyList<double> values, string? title = null,
        string? xTitle = null, string? yTitle = null, string? name = null) =>
        Single(new Panel(new BarTrace(categories, values) { Name = name }), title, xTitle, yTitle);

    /// <summary>Adds a bar series to the first panel (drawn beside the others, grouped by category).</summary>
    public Figure AddBars(IReadOnlyList<string> categories, IReadOnlyList<double> values, string? name = null) =>
        Add(new BarTrace(categories, values) { Name = name });

    /// <summary>A histogram of <paramref name="values"/> in <paramref name="bins"/> equal bins.</summary>
    public static Figure Histogram(IReadOnlyList<double> values, int bins = 30, string? title = null, string? xTitle = null,
        string? yTitle = "count", bool logY = false)
    {
        var figure = Single(new Panel(new HistogramTrace(values, bins)), title, xTitle, yTitle);
        figure.Main.Y.Log = logY;
        return figure;
    }

    /// <inheritdoc cref="Histogram(IReadOnlyList{double}, int, string?, string?, string?, bool)"/>
    public static Figure Histogram(float[] values, int bins = 30, string? title = null, string? xTitle = null,
        string? yTitle = "count", bool logY = false) =>
        Histogram([.. (values ?? throw new ArgumentNullException(nameof(values))).Select(v => (double)v)], bins, title, xTitle, yTitle, logY);

    /// <summary>A heatmap of <paramref name="z"/> (rows × columns, row 0 at the top) with a colour bar.</summary>
    public static Figure Heatmap(double[,] z, IReadOnlyList<string>? columnLabels = null, IReadOnlyList<string>? rowLabels = null,
        string? title = null, string? xTitle = null, string? yTitle = null, string? colorTitle = null, bool showValues = false,
        ColorScale? colorScale = null) =>
        Single(new Panel(new HeatmapTrace(z, columnLabels, rowLabels)
        {
            ColorTitle = colorTitle,
            ShowValues = showValues,
            ColorScale = colorScale ?? ColorScale.Viridis,
        }), title, xTitle, yTitle);

    /// <summary>A confusion matrix: counts[true, predicted], values written in the cells, white-to-blue colours.</summary>
    public static Figure ConfusionMatrix(int[,] counts, IReadOnlyList<string>? classNames = null, string? title = "Confusion matrix")
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

    /// <summary>Combines the panels of <paramref name="parts"/> (figures or image grids) into one figure, <paramref name="columns"/> per row.</summary>
    public static Figure Subplots(IReadOnlyList<Figure> parts, int columns = 2, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var panels = new List<Panel>();
        foreach (var part in parts)
        {
            foreach (var panel in part.Panels)
            {
                panel.Title ??= part.Title;
                panels.Add(panel);
            }
        }

        return new Figure([.. panels]) { Columns = columns, Title = title };
    }

    /// <summary>Sets the pixel size and returns the figure.</summary>
    public Figure Resize(int width, int height)
    {
        Width = width;
        Height = height;
        return this;
    }

    private static Figure Single(Panel panel, string? title, string? xTitle, string? yTitle)
    {
        panel.X.Title = xTitle;
        panel.Y.Title = yTitle;
        return new Figure(panel) { Title = title };
    }
}
