using LatentWorkbench.Notebooks.Figures;

namespace LatentWorkbench.Tests.Notebooks.Figures;

/// <summary>Captions on the index page are plain text: markdown marks go, the words they enclose stay.</summary>
public sealed class PlainCaptionTests
{
    [Theory]
    [InlineData("Reconstruction error against *k*", "Reconstruction error against k")]
    [InlineData("**Bold** and __strong__ and _it_", "Bold and strong and it")]
    [InlineData("The `ks` list, see [the docs](docs/figures.md)", "The ks list, see the docs")]
    [InlineData("## A heading\nover two lines", "A heading over two lines")]
    [InlineData("2 * 3 = 6, snake_case_name", "2 * 3 = 6, snake_case_name")]
    public void Markdown_Marks_Are_Removed(string caption, string expected) => Assert.Equal(expected, PlainCaption.Of(caption));
}
