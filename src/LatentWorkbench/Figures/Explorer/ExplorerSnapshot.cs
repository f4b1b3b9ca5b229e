using System.Globalization;
using System.Net;
using LatentWorkbench.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LatentWorkbench.Figures.Explorer;

/// <summary>
/// The explorer's static twin: its first view's points drawn as 3 × 3 pixel dots in the palette's label colours, as a
/// PNG and as an SVG around it with the title and a note that the interactive page needs scripts. Shown by viewers
/// that run no script (GitHub, exported reports) and as the HTML's picture until the page script replaces it.
/// </summary>
internal static class ExplorerSnapshot
{
    private const double Margin = 1.08;   // the same 4% margin on each side as the page's plot

    /// <summary>The first view as a PNG of the plot's size.</summary>
    public static byte[] Png(LatentExplorer explorer)
    {
        int size = explorer.Options.PlotSize;
        var view = explorer.Views[0];
        using var image = new Image<Rgb24>(size, size, new Rgb24(255, 255, 255));
        var (cx, cy, scale) = Frame(view.Coordinates, size);
        for (int i = 0; i < explorer.Count; i++)
        {
            var color = Palette.ColorFor(explorer.Labels[i]);
            int px = (int)Math.Round((size / 2.0) + ((view.Coordinates[2 * i] - cx) * scale));
            int py = (int)Math.Round((size / 2.0) - ((view.Coordinates[(2 * i) + 1] - cy) * scale));
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    if ((uint)(px + dx) < (uint)size && (uint)(py + dy) < (uint)size)
                    {
                        image[px + dx, py + dy] = new Rgb24(color.R, color.G, color.B);
                    }
                }
            }
        }

        return image.ToPngBytes();
    }

    /// <summary>The SVG twin: title, the PNG of the first view, and a one-line note.</summary>
    public static string Svg(LatentExplorer explorer)
    {
        int size = explorer.Options.PlotSize;
        string png = Convert.ToBase64String(Png(explorer));
        string title = WebUtility.HtmlEncode(explorer.Title);
        string note = WebUtility.HtmlEncode($"{explorer.Views[0].Name}, coloured by label. Hover and decoding need the HTML page.");
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size + 44}\" viewBox=\"0 0 {size} {size + 44}\" font-family=\"Helvetica, Arial, sans-serif\">\n"
            + $"<title>{title}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
            + $"<text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"bold\" fill=\"#222222\">{title}</text>\n"
            + $"<image x=\"0\" y=\"24\" width=\"{size}\" height=\"{size}\" href=\"data:image/png;base64,{png}\"/>\n"
            + $"<text x=\"4\" y=\"{size + 38}\" font-size=\"11\" fill=\"#444444\">{note}</text>\n</svg>\n");
    }

    /// <summary>Centre and scale that fit the points in a square of <paramref name="size"/> (the page's frame).</summary>
    public static (double Cx, double Cy, double Scale) Frame(float[] xy, int size)
    {
        double x0 = double.PositiveInfinity, x1 = double.NegativeInfinity, y0 = double.PositiveInfinity, y1 = double.NegativeInfinity;
        for (int i = 0; i + 1 < xy.Length; i += 2)
        {
            (x0, x1) = (Math.Min(x0, xy[i]), Math.Max(x1, xy[i]));
            (y0, y1) = (Math.Min(y0, xy[i + 1]), Math.Max(y1, xy[i + 1]));
        }

        double span = Math.Max(Math.Max(x1 - x0, y1 - y0), 1e-9) * Margin;
        return ((x0 + x1) / 2, (y0 + y1) / 2, size / span);
    }
}
