using LatentWorkbench.Notebooks.Formatting;
using LatentWorkbench.Notebooks.Scripting;

namespace LatentWorkbench.Tests.Notebooks;

public sealed class ValueFormatterTests
{
    [Fact]
    public void Strings_Are_Plain_Text_Only()
    {
        var formatted = ValueFormatter.Format("a <b>");
        Assert.Equal(["text/plain"], formatted.Data.Keys);
        Assert.Equal("a <b>", formatted.Data["text/plain"]);
        Assert.False(formatted.IsFigure);
    }

    [Fact]
    public void Objects_Get_An_Escaped_Property_Table_And_Plain_Text_But_Are_Not_Figures()
    {
        var formatted = ValueFormatter.Format(new { Name = "<x>", Count = 2.5 });
        Assert.Equal(["text/html", "text/plain"], formatted.Data.Keys);
        Assert.Contains("<th>Name</th>", formatted.Data["text/html"], StringComparison.Ordinal);
        Assert.Contains("<td>&lt;x&gt;</td>", formatted.Data["text/html"], StringComparison.Ordinal);
        Assert.Contains("<td>2.5</td>", formatted.Data["text/html"], StringComparison.Ordinal);
        Assert.False(formatted.IsFigure);
    }

    [Fact]
    public void Sequences_Show_At_Most_The_First_Items()
    {
        var formatted = ValueFormatter.Format(Enumerable.Range(0, 100).ToArray());
        Assert.Equal($"[ {string.Join(", ", Enumerable.Range(0, DefaultFormatters.MaxItems))}, ... ]", formatted.Data["text/plain"]);
    }

    [Fact]
    public void Null_Is_Shown_As_Null()
    {
        Assert.Equal("<null>", ValueFormatter.Format(null).Data["text/plain"]);
    }

    [Fact]
    public void Html_Content_Is_Written_As_Is()
    {
        Assert.Equal("<i>raw</i>", Assert.Single(ValueFormatter.Format(Kernel.HTML("<i>raw</i>")).Data).Value);
    }

    [Fact]
    public void A_Mime_Type_Nothing_Produces_Is_An_Error_Naming_It()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ValueFormatter.Format(3, ["image/png"]));
        Assert.Contains("'image/png'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convention_Types_Are_Figures_With_Their_Title()
    {
        var formatted = ValueFormatter.Format(new FixtureFigure("Spectrum", 2), ["image/svg+xml"]);
        Assert.True(formatted.IsFigure);
        Assert.Equal("Spectrum", formatted.Title);
        Assert.Equal("<svg data-points=\"2\">Spectrum</svg>", formatted.Data["image/svg+xml"]);
    }

    [Fact]
    public void Display_Outside_A_Cell_Says_Why_It_Cannot()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Kernel.display(1));
        Assert.Contains("while a notebook cell runs", e.Message, StringComparison.Ordinal);
    }
}
