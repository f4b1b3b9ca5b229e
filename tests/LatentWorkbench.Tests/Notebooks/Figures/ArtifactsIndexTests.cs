using LatentWorkbench.Notebooks.Figures;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks.Figures;

/// <summary>The index page links every figure of every manifest, with its caption as plain text.</summary>
public sealed class ArtifactsIndexTests
{
    [Fact]
    public void Figures_Show_Their_Own_Caption_Else_Title_As_Plain_Text_And_Link_Their_Files()
    {
        using var output = new TempDirectory();
        Manifest(output, "nb", """
            {"figures": [
              {"id": "a", "title": "Error against *k*", "caption": null, "files": {"svg": "nb-a.svg", "html": "nb-a.html"}},
              {"id": "b", "title": "T", "caption": "The **own** caption", "files": {"png": "nb-b.png"}}
            ], "notebook": "nb.ipynb"}
            """);

        string index = File.ReadAllText(ArtifactsIndex.Write(output.Path));

        Assert.Contains("<img src=\"figures/nb/nb-a.svg\" alt=\"Error against k\">", index, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Error against k (<a href=\"figures/nb/nb-a.html\">interactive</a>)", index, StringComparison.Ordinal);
        Assert.Contains("<img src=\"figures/nb/nb-b.png\" alt=\"The own caption\">", index, StringComparison.Ordinal);
        Assert.DoesNotContain("*", index, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Manifest_From_Before_Figure_Ids_Still_Links_Its_Files()
    {
        using var output = new TempDirectory();
        Manifest(output, "old", """{"figures": [{"caption": "Old", "name": "old-cell3-1", "svg": "old-cell3-1.svg", "html": null}], "notebook": "old.ipynb"}""");

        string index = File.ReadAllText(ArtifactsIndex.Write(output.Path));

        Assert.Contains("<img src=\"figures/old/old-cell3-1.svg\" alt=\"Old\">", index, StringComparison.Ordinal);
    }

    private static void Manifest(TempDirectory output, string notebook, string json)
    {
        string folder = Path.Combine(output.Path, "figures", notebook);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FigureExporter.ManifestFileName), json);
    }
}
