using LatentWorkbench.Compute;
using LatentWorkbench.Figures.Display;
using Plotly.NET;
using TorchSharp;
using PlotlyTrace = Plotly.NET.Trace;

namespace LatentWorkbench.Figures;

/// <summary>
/// One-line figure helpers for notebooks and reports. Each returns a Plotly.NET <see cref="GenericChart"/>: combine,
/// restyle or extend it with Plotly.NET's own API, save it with <see cref="ChartExport.SaveAs"/>, display it in a
/// notebook (interactive HTML + static SVG twin).
/// </summary>
/// <remarks>
/// Classes get fixed colours (class k is <see cref="Palette.ColorFor"/>(k), in every figure). Scatters above
/// <see cref="WebGlThreshold"/> points use <c>scattergl</c>. Bad input throws <see cref="ArgumentException"/> naming the parameter.
/// Same input, same figure JSON and SVG bytes.
/// </remarks>
public static partial class Charts
{
    /// <summary>Scatters with more points than this use WebGL (<c>scattergl</c>) in the interactive rendering.</summary>
    public const int WebGlThreshold = 20_000;

    /// <summary>A scatter coloured by class: one trace (legend entry) per label, hover text showing the class and point index.</summary>
    /// <param name="points">The points, [N, 2] (x, y per row; e.g. a reducer's output or two latent coordinates), on any device.</param>
    /// <param name="labels">Each point's class, an integer tensor [N] (e.g. <c>MnistSplit.Labels</c>), on any device.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="xTitle">The x-axis title.</param>
    /// <param name="yTitle">The y-axis title.</param>
    /// <param name="classNames">Names for classes 0, 1, ... (default: the label's number).</param>
    /// <param name="hoverText">Optional text per point, shown above the class and index on hover.</param>
    /// <exception cref="ArgumentException">points is not [N, 2], labels not an integer [N], or hoverText not N entries.</exception>
    public static GenericChart Scatter(torch.Tensor points, torch.Tensor labels, string? title = null,
        string? xTitle = null, string? yTitle = null, IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? hoverText = null)
    {
        var (x, y) = Columns(points, nameof(points));
        return Scatter(x, y, TensorArguments.Labels(labels, nameof(labels), x.Length), title, xTitle, yTitle, classNames, hoverText);
    }

    /// <summary>A scatter of one colour, or coloured by a continuous value with a colour bar.</summary>
    /// <param name="points">The points, [N, 2] (x, y per row), on any device.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="xTitle">The x-axis title.</param>
    /// <param name="yTitle">The y-axis title.</param>
    /// <param name="colorValues">A value per point, [N], mapped through <paramref name="colorScale"/> (null: one colour).</param>
    /// <param name="colorTitle">The colour bar's title.</param>
    /// <param name="hoverText">Optional text per point shown on hover.</param>
    /// <param name="colorScale">The continuous colour scale (default Viridis).</param>
    /// <exception cref="ArgumentException">points is not [N, 2], colorValues not [N], or hoverText not N entries.</exception>
    public static GenericChart Scatter(torch.Tensor points, string? title = null, string? xTitle = null, string? yTitle = null,
        torch.Tensor? colorValues = null, string? colorTitle = null, IReadOnlyList<string>? hoverText = null, ColorScale? colorScale = null)
    {
        var (x, y) = Columns(points, nameof(points));
        if (colorValues is null)
        {
            return Scatter(x, y, title, xTitle, yTitle, default, colorTitle, hoverText, colorScale);
        }

        using var values = TensorArguments.Values(colorValues, nameof(colorValues), x.Length);
        return Scatter(x, y, title, xTitle, yTitle, TensorSpans.Floats(values), colorTitle, hoverText, colorScale);
    }

    /// <summary>An embedding [N, 2] (e.g. a reducer's output), coloured by class when labels are given; axes "dimension 1" and "dimension 2".</summary>
    /// <param name="points">The points, [N, 2], on any device.</param>
    /// <param name="labels">Each point's class, an integer tensor [N] (null: one colour).</param>
    /// <param name="title">The figure title.</param>
    /// <param name="classNames">Names for classes 0, 1, ... (default: the label's number).</param>
    /// <exception cref="ArgumentException">points is not [N, 2] or labels not an integer [N].</exception>
    public static GenericChart Embedding(torch.Tensor points, torch.Tensor? labels = null, string? title = null, IReadOnlyList<string>? classNames = null) =>
        labels is null
            ? Scatter(points, title, "dimension 1", "dimension 2")
            : Scatter(points, labels, title, "dimension 1", "dimension 2", classNames);

    // The span forms below are what the tensor forms draw with, and what in-library callers that hold arrays use.
    internal static GenericChart Scatter(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<byte> labels, string? title = null,
        string? xTitle = null, string? yTitle = null, IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? hoverText = null)
    {
        var asInt = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            asInt[i] = labels[i];
        }

        return Scatter(x, y, asInt, title, xTitle, yTitle, classNames, hoverText);
    }

    internal static GenericChart Scatter(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<int> labels, string? title = null,
        string? xTitle = null, string? yTitle = null, IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? hoverText = null)
    {
        CheckPoints(x, y, labels.Length, nameof(labels), hoverText);
        string type = x.Length > WebGlThreshold ? "scattergl" : "scatter";
        double size = MarkerSize(x.Length);
        var traces = new List<PlotlyTrace>();
        foreach (int label in Distinct(labels))
        {
            var members = new List<int>();
            for (int i = 0; i < labels.Length; i++)
            {
                if (labels[i] == label)
                {
                    members.Add(i);
                }
            }

            string name = classNames is not null && label >= 0 && label < classNames.Count ? classNames[label] : Format.Integer(label);
            var xs = new float[members.Count];
            var ys = new float[members.Count];
            for (int k = 0; k < members.Count; k++)
            {
                xs[k] = x[members[k]];
                ys[k] = y[members[k]];
            }

            // The point's index rides along as customdata so hover can name it without a string per point.
            string hover = (hoverText is null ? "" : "%{text}<br>") + Escape(name) + " · index %{customdata}<br>(%{x:.4g}, %{y:.4g})<extra></extra>";
            traces.Add(ChartParts.Trace(type,
                ("name", name),
                ("mode", "markers"),
                ("x", xs),
                ("y", ys),
                ("customdata", members.ToArray()),
                ("text", hoverText is null ? null : members.Select(i => hoverText[i]).ToArray()),
                ("hovertemplate", hover),
                ("marker", ChartParts.Obj(("color", ChartParts.Color(label)), ("size", size), ("opacity", x.Length > 2_000 ? 0.7 : 0.9)))));
        }

        return Charted(traces, title, (720, 440), ChartParts.Axis(xTitle), ChartParts.Axis(yTitle), showLegend: true);
    }

    internal static GenericChart Scatter(ReadOnlySpan<float> x, ReadOnlySpan<float> y, string? title = null, string? xTitle = null, string? yTitle = null,
        ReadOnlySpan<float> colorValues = default, string? colorTitle = null, IReadOnlyList<string>? hoverText = null, ColorScale? colorScale = null)
    {
        CheckPoints(x, y, colorValues.IsEmpty ? x.Length : colorValues.Length, nameof(colorValues), hoverText);
        bool colored = !colorValues.IsEmpty;
        var marker = ChartParts.Obj(
            ("color", colored ? colorValues.ToArray() : ChartParts.Color(0)),
            ("colorscale", colored ? Stops(colorScale ?? ColorScale.Viridis) : null),
            ("showscale", colored ? true : null),
            ("colorbar", colored && colorTitle is not null ? ChartParts.Obj(("title", ChartParts.Obj(("text", colorTitle))))  : null),
            ("size", MarkerSize(x.Length)),
            ("opacity", x.Length > 2_000 ? 0.7 : 0.9));
        var trace = ChartParts.Trace(x.Length > WebGlThreshold ? "scattergl" : "scatter",
            ("showlegend", false),
            ("mode", "markers"),
            ("x", x.ToArray()),
            ("y", y.ToArray()),
            ("text", hoverText?.ToArray()),
            ("hovertemplate", (hoverText is null ? "" : "%{text}<br>") + "(%{x:.4g}, %{y:.4g})" + (colored ? "<br>%{marker.color:.4g}" : "") + "<extra></extra>"),
            ("marker", marker));
        return Charted([trace], title, (colored ? 720 : 620, 440), ChartParts.Axis(xTitle), ChartParts.Axis(yTitle), showLegend: false);
    }

    private static (float[] X, float[] Y) Columns(torch.Tensor points, string parameterName)
    {
        using var host = TensorArguments.Points(points, parameterName);
        return Columns(TensorSpans.Floats(host));
    }

    // Splits row-major (x, y) pairs into the two coordinate arrays a trace holds.
    private static (float[] X, float[] Y) Columns(ReadOnlySpan<float> xy)
    {
        var x = new float[xy.Length / 2];
        var y = new float[xy.Length / 2];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = xy[2 * i];
            y[i] = xy[(2 * i) + 1];
        }

        return (x, y);
    }

    private static void CheckPoints(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int perPoint, string perPointName, IReadOnlyList<string>? hoverText)
    {
        if (y.Length != x.Length)
        {
            throw new ArgumentException($"y has {y.Length} values but x has {x.Length}; they must be the same length.", nameof(y));
        }

        if (perPoint != x.Length)
        {
            throw new ArgumentException($"{perPointName} has {perPoint} entries but there are {x.Length} points.", perPointName);
        }

        if (hoverText is not null && hoverText.Count != x.Length)
        {
            throw new ArgumentException($"hoverText has {hoverText.Count} entries but there are {x.Length} points.", nameof(hoverText));
        }
    }

    private static SortedSet<int> Distinct(ReadOnlySpan<int> labels)
    {
        var set = new SortedSet<int>();
        foreach (int label in labels)
        {
            set.Add(label);
        }

        return set;
    }

    // Smaller marks as the cloud gets denser, so structure stays visible (same rule in every rendering).
    private static double MarkerSize(int points) => points > 20_000 ? 3 : points > 2_000 ? 4 : 6;

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static object[][] Stops(ColorScale scale) =>
        [.. scale.Stops.Select((color, i) => new object[] { i / (double)(scale.Stops.Count - 1), color.ToHex() })];

    private static GenericChart Charted(IEnumerable<PlotlyTrace> traces, string? title, (int, int) size, global::Plotly.NET.LayoutObjects.LinearAxis x,
        global::Plotly.NET.LayoutObjects.LinearAxis y, bool? showLegend = null)
    {
        ChartFormatters.EnsureRegistered();
        return ChartParts.Chart(traces, title, size, x, y, showLegend);
    }
}
