using System.Text.Json;
using System.Text.Json.Nodes;

namespace LatentWorkbench.Figures;

/// <summary>
/// What names a figure in a report: a stable id (file names), its title and its own caption. Travels with a displayed
/// chart, table or image as the <see cref="MimeType"/> representation, which the notebook runner reads to name the
/// exported files and write <c>figures.json</c>.
/// </summary>
/// <param name="Id">The id given with <c>WithId</c>, or null (the runner then derives one from the title).</param>
/// <param name="Title">The figure's title (a chart's layout title, a table's or grid's title), or null.</param>
/// <param name="Caption">The caption given with <c>WithCaption</c>, or null (reports then use the title).</param>
public sealed record FigureLabel(string? Id, string? Title, string? Caption)
{
    /// <summary>The mime type of the label in a notebook output bundle (a JSON object with <c>id</c>, <c>title</c>, <c>caption</c>).</summary>
    public const string MimeType = "application/vnd.latentworkbench.figure+json";

    /// <summary>A label with nothing set.</summary>
    public static FigureLabel None { get; } = new(null, null, null);

    /// <summary>The label as the JSON object written under <see cref="MimeType"/> (null members left out).</summary>
    public string ToJson()
    {
        var json = new JsonObject();
        if (Id is not null)
        {
            json["id"] = Id;
        }

        if (Title is not null)
        {
            json["title"] = Title;
        }

        if (Caption is not null)
        {
            json["caption"] = Caption;
        }

        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
