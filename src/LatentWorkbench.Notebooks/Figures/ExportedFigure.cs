namespace LatentWorkbench.Notebooks.Figures;

/// <summary>A figure written to the figures folder.</summary>
/// <param name="Name">File stem: a slug of the figure's title, else <c>notebook-cellN-K</c>.</param>
/// <param name="Caption">One line for the index page: the title, else the first line of the markdown above the cell.</param>
/// <param name="CellNumber">The 1-based position of the cell that displayed it.</param>
/// <param name="SvgFile">The SVG file name (in the figures folder), when the figure had an SVG representation.</param>
/// <param name="HtmlFile">The standalone HTML page's file name, when it had an HTML representation.</param>
/// <param name="PngFile">The PNG file name, when the figure had a PNG but no SVG representation (images such as digit grids).</param>
public sealed record ExportedFigure(string Name, string Caption, int CellNumber, string? SvgFile, string? HtmlFile, string? PngFile = null);
