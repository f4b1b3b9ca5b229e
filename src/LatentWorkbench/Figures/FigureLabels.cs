using System.Runtime.CompilerServices;
using System.Text.Json;
using LatentWorkbench.Images;
using LatentWorkbench.Tables;
using Microsoft.Data.Analysis;
using Plotly.NET;
using SixLabors.ImageSharp;
using Dyn = DynamicObj.DynamicObj;

namespace LatentWorkbench.Figures;

/// <summary>
/// Gives any figure (a chart, a table, an image such as a digit grid) a stable id and its own caption, the same way
/// for every kind: <c>chart.WithId("recon-error").WithCaption("…")</c>. The id names the figure's files wherever it is
/// exported (<c>{notebook}-{id}.svg</c> in the runner's figures folder, <c>{id}.svg</c> from <see cref="FigureFolder"/>),
/// so inserting a cell or reordering figures never renames them.
/// </summary>
/// <remarks>
/// A chart keeps its label in its Plotly layout (<c>layout.meta</c>, which plotly.js carries without drawing), so it
/// survives later changes such as <c>AddLine</c> and saving to JSON. Tables and images keep it beside the instance
/// (held weakly, like <see cref="DataFrameTitle"/>): an operation that returns a new frame or image returns it unlabelled.
/// Without an id, a figure is named from its title.
/// </remarks>
public static class FigureLabels
{
    private const string MetaId = "figureId";
    private const string MetaCaption = "caption";
    private static readonly ConditionalWeakTable<object, FigureLabel> Attached = [];

    /// <summary>Returns the chart with id <paramref name="id"/> (see <see cref="FigureId.Validate"/>).</summary>
    public static GenericChart WithId(this GenericChart chart, string id) => WithMeta(chart, MetaId, FigureId.Validate(id));

    /// <summary>Returns the chart with its own caption (shown under it in reports and the index page; markdown is not interpreted).</summary>
    public static GenericChart WithCaption(this GenericChart chart, string caption) => WithMeta(chart, MetaCaption, RequireText(caption));

    /// <summary>Gives <paramref name="image"/> (e.g. a digit grid) the id <paramref name="id"/>; returns the same image.</summary>
    public static TImage WithId<TImage>(this TImage image, string id) where TImage : Image =>
        Attach(image, label => label with { Id = FigureId.Validate(id) });

    /// <summary>Gives <paramref name="image"/> its own caption; returns the same image.</summary>
    public static TImage WithCaption<TImage>(this TImage image, string caption) where TImage : Image =>
        Attach(image, label => label with { Caption = RequireText(caption) });

    /// <summary>Gives <paramref name="frame"/> the id <paramref name="id"/>; returns the same frame.</summary>
    public static DataFrame WithId(this DataFrame frame, string id) => Attach(frame, label => label with { Id = FigureId.Validate(id) });

    /// <summary>Gives <paramref name="frame"/> its own caption; returns the same frame.</summary>
    public static DataFrame WithCaption(this DataFrame frame, string caption) => Attach(frame, label => label with { Caption = RequireText(caption) });

    /// <summary>The id, title and caption of a chart, table or image (<see cref="FigureLabel.None"/> for anything else).</summary>
    public static FigureLabel Of(object figure) => figure switch
    {
        GenericChart chart => OfChart(chart),
        DataFrame frame => Own(frame) with { Title = frame.GetTitle() },
        Image image => Own(image) with { Title = GridImage.LayoutOf(image)?.Title },
        Explorer.LatentExplorer explorer => new FigureLabel(explorer.Id, explorer.Title, explorer.Caption),
        _ => FigureLabel.None,
    };

    private static FigureLabel OfChart(GenericChart chart)
    {
        using var json = JsonDocument.Parse(chart.ToFigureJson());
        if (!json.RootElement.TryGetProperty("layout", out var layout) || layout.ValueKind != JsonValueKind.Object)
        {
            return FigureLabel.None;
        }

        string? title = layout.TryGetProperty("title", out var t)
            ? t.ValueKind == JsonValueKind.String ? t.GetString() : t.ValueKind == JsonValueKind.Object && t.TryGetProperty("text", out var text) ? text.GetString() : null
            : null;
        var meta = layout.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new FigureLabel(MetaString(meta, MetaId), string.IsNullOrEmpty(title) ? null : title, MetaString(meta, MetaCaption));
    }

    private static string? MetaString(JsonElement meta, string name) =>
        meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static GenericChart WithMeta(GenericChart chart, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var meta = new Dyn();
        if (GenericChart.getLayout(chart).TryGetPropertyValue("meta")?.Value is Dyn existing)
        {
            foreach (var property in existing.GetProperties(includeInstanceProperties: false))
            {
                meta.SetProperty(property.Key, property.Value);
            }
        }

        meta.SetProperty(name, value);
        var update = new Layout();
        update.SetProperty("meta", meta);
        return GenericChart.addLayout(update, chart);
    }

    private static FigureLabel Own(object figure) => Attached.TryGetValue(figure, out var label) ? label : FigureLabel.None;

    private static T Attach<T>(T figure, Func<FigureLabel, FigureLabel> change) where T : class
    {
        ArgumentNullException.ThrowIfNull(figure);
        lock (Attached)
        {
            Attached.AddOrUpdate(figure, change(Own(figure)));
        }

        return figure;
    }

    private static string RequireText(string caption)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caption);
        return caption;
    }
}
