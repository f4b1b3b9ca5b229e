using System.Text;

namespace LatentWorkbench.Figures.Svg;

/// <summary>Appends SVG elements with fixed number formatting (0.1 px) and escaped text.</summary>
internal sealed class SvgWriter
{
    public StringBuilder Builder { get; } = new(4096);

    public SvgWriter Raw(string text)
    {
        Builder.Append(text);
        return this;
    }

    public SvgWriter Num(double value)
    {
        Format.AppendPixel(Builder, value);
        return this;
    }

    public SvgWriter Attr(string name, double value)
    {
        Builder.Append(' ').Append(name).Append("=\"");
        Format.AppendPixel(Builder, value);
        Builder.Append('"');
        return this;
    }

    public SvgWriter Attr(string name, string value)
    {
        Builder.Append(' ').Append(name).Append("=\"");
        AppendEscaped(Builder, value);
        Builder.Append('"');
        return this;
    }

    public SvgWriter Line(double x1, double y1, double x2, double y2, string stroke, double width = 1) =>
        Raw("<line").Attr("x1", x1).Attr("y1", y1).Attr("x2", x2).Attr("y2", y2).Attr("stroke", stroke).Attr("stroke-width", width).Raw("/>\n");

    public SvgWriter Rect(Box box, string fill, string? stroke = null)
    {
        Raw("<rect").Attr("x", box.X).Attr("y", box.Y).Attr("width", box.Width).Attr("height", box.Height).Attr("fill", fill);
        if (stroke is not null)
        {
            Attr("stroke", stroke);
        }

        return Raw("/>\n");
    }

    /// <summary>A text element; <paramref name="anchor"/> is start, middle or end; <paramref name="rotate"/> in degrees about (x, y).</summary>
    public SvgWriter Text(double x, double y, string text, string anchor = "middle", double size = 11, bool bold = false, double rotate = 0, string? fill = null)
    {
        Raw("<text").Attr("x", x).Attr("y", y);
        if (anchor != "start")
        {
            Attr("text-anchor", anchor);
        }

        if (size != 11)
        {
            Attr("font-size", size);
        }

        if (bold)
        {
            Raw(" font-weight=\"bold\"");
        }

        if (fill is not null)
        {
            Attr("fill", fill);
        }

        if (rotate != 0)
        {
            Builder.Append(" transform=\"rotate(");
            Format.AppendPixel(Builder, rotate);
            Builder.Append(' ');
            Format.AppendPixel(Builder, x);
            Builder.Append(' ');
            Format.AppendPixel(Builder, y);
            Builder.Append(")\"");
        }

        Raw(">");
        AppendEscaped(Builder, text);
        return Raw("</text>\n");
    }

    public static void AppendEscaped(StringBuilder sb, string text)
    {
        foreach (char c in text)
        {
            _ = c switch
            {
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '&' => sb.Append("&amp;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                < ' ' => sb.Append(' '),
                _ => sb.Append(c),
            };
        }
    }

    public override string ToString() => Builder.ToString();
}
