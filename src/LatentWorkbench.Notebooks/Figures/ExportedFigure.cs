namespace LatentWorkbench.Notebooks.Figures;

/// <summary>A figure written to the figures folder.</summary>
/// <param name="Id">
/// The figure's id, unique within its notebook: the one given with <c>WithId</c>, else a slug of its title, else
/// <c>cell-{cell id}</c> (the cell's stable id, never its position); a repeated id gets <c>-2</c>, <c>-3</c>, ... in display order.
/// </param>
/// <param name="FileStem">The stem of its files: <c>{notebook stem}-{id}</c>.</param>
/// <param name="Title">The figure's title, or null.</param>
/// <param name="Caption">The figure's own caption, or null (reports then use the title).</param>
/// <param name="CellId">The id of the cell that displayed it.</param>
/// <param name="SvgFile">The SVG file name (in the figures folder), when the figure had an SVG representation.</param>
/// <param name="HtmlFile">The standalone HTML page's file name, when it had an HTML representation.</param>
/// <param name="PngFile">The PNG file name, when the figure had a PNG representation (images such as digit grids).</param>
public sealed record ExportedFigure(string Id, string FileStem, string? Title, string? Caption, string CellId, string? SvgFile, string? HtmlFile, string? PngFile = null)
{
    /// <summary>The files written, by format (<c>svg</c>, <c>png</c>, <c>html</c>).</summary>
    public IReadOnlyDictionary<string, string> Files =>
        new[] { ("svg", SvgFile), ("png", PngFile), ("html", HtmlFile) }
            .Where(f => f.Item2 is not null).ToDictionary(f => f.Item1, f => f.Item2!, StringComparer.Ordinal);
}
