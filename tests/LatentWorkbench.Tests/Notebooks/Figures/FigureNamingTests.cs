using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Figures;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks.Figures;

/// <summary>
/// A small notebook of real library figures (charts with and without ids and titles, a titled table, a labelled digit
/// grid), run by the runner twice: as written and with a markdown cell inserted at the top. Figures keep their file
/// names, carry their own captions, and <c>figures.json</c> says what a report needs.
/// </summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class FigureNamingTests(FigureNamingTests.Runs runs) : IClassFixture<FigureNamingTests.Runs>
{
    private static readonly string[] ExpectedIds =
        ["recon-error", "cell-0c0ffee2", "errors", "blank-digits", "blank-digits-2"];

    [Fact]
    public void Figures_Are_Named_By_Id_Else_Title_Else_Cell_Id_Deduplicated_In_Order()
    {
        Assert.Equal(ExpectedIds, runs.Original.Figures.Select(f => f.Id));
        Assert.All(runs.Original.Figures, f => Assert.Equal("naming-" + f.Id, f.FileStem));
    }

    [Fact]
    public void Inserting_A_Markdown_Cell_At_The_Top_Leaves_Every_Figure_File_Name_Unchanged()
    {
        var before = FileNames(runs.OriginalFigures);
        var after = FileNames(runs.InsertedFigures);
        Assert.True(before.Count >= 12, $"expected the five figures' files, got {string.Join(", ", before)}");
        Assert.Equal(before, after);
        Assert.Equal(runs.Original.Figures.Select(f => f.Id), runs.Inserted.Figures.Select(f => f.Id));
    }

    [Fact]
    public void Captions_Are_The_Figures_Own_And_A_Table_Does_Not_Inherit_A_Charts()
    {
        var figures = runs.Original.Figures.ToDictionary(f => f.Id);
        Assert.Equal("Error against *k*, per pixel", figures["recon-error"].Caption);
        Assert.Equal("Reconstruction error against k", figures["recon-error"].Title);
        Assert.Null(figures["cell-0c0ffee2"].Caption);   // untitled, and the heading above it is not its caption
        Assert.Null(figures["errors"].Caption);
        Assert.Equal("Errors", figures["errors"].Title);
        Assert.Equal("Blank digits", figures["blank-digits"].Title);
    }

    [Fact]
    public void The_Manifest_Lists_Id_Title_Caption_Notebook_Parameters_And_Formats()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(runs.OriginalFigures, FigureExporter.ManifestFileName)))!;
        var figure = manifest["figures"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "recon-error")!;
        Assert.Equal("Reconstruction error against k", figure["title"]!.GetValue<string>());
        Assert.Equal("Error against *k*, per pixel", figure["caption"]!.GetValue<string>());
        Assert.Equal("naming.ipynb", figure["notebook"]!.GetValue<string>());
        Assert.Equal(7, figure["parameters"]!["seed"]!.GetValue<int>());
        Assert.Equal(["svg", "html"], figure["formats"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("naming-recon-error.svg", figure["files"]!["svg"]!.GetValue<string>());
        var grid = manifest["figures"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "blank-digits")!;
        Assert.Equal(["svg", "png", "html"], grid["formats"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public void An_Exported_Digit_Grid_Carries_Its_Title_And_Row_Labels_In_Svg_And_Html()
    {
        string svg = File.ReadAllText(Path.Combine(runs.OriginalFigures, "naming-blank-digits.svg"));
        string html = File.ReadAllText(Path.Combine(runs.OriginalFigures, "naming-blank-digits.html"));
        foreach (string text in (string[])["Blank digits", "top", "bottom"])
        {
            Assert.Contains($">{text}</text>", svg, StringComparison.Ordinal);
            Assert.Contains($">{text}</", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_Index_Shows_Captions_As_Plain_Text()
    {
        string index = File.ReadAllText(ArtifactsIndex.Write(runs.Scratch.File("original")));
        Assert.Contains("<figcaption>Error against k, per pixel", index, StringComparison.Ordinal);
        Assert.DoesNotContain("*k*", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Figures_Copies_Every_Figure_With_One_Manifest()
    {
        using var destination = new TempDirectory();
        int count = FigureCollection.CopyAll(runs.Scratch.File("original"), destination.Path);

        Assert.Equal(ExpectedIds.Length, count);
        Assert.True(File.Exists(Path.Combine(destination.Path, "naming-recon-error.svg")));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(destination.Path, FigureExporter.ManifestFileName)))!;
        Assert.Equal(ExpectedIds, manifest["figures"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()));
    }

    private static List<string> FileNames(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => n != FigureExporter.ManifestFileName).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>The notebook run as written (<c>original/</c>) and with a markdown cell inserted at the top (<c>inserted/</c>).</summary>
    public sealed class Runs : IDisposable
    {
        public Runs()
        {
            string source = FigureFixtureNotebook.Write(Scratch, "naming.ipynb", insertMarkdown: false);
            Original = FigureFixtureNotebook.Run(Scratch, source, "original");
            string inserted = FigureFixtureNotebook.Write(Scratch, Path.Combine("moved", "naming.ipynb"), insertMarkdown: true);
            Inserted = FigureFixtureNotebook.Run(Scratch, inserted, "inserted");
        }

        public TempDirectory Scratch { get; } = new();

        public NotebookRunResult Original { get; }

        public NotebookRunResult Inserted { get; }

        public string OriginalFigures => Scratch.File(Path.Combine("original", "figures", "naming"));

        public string InsertedFigures => Scratch.File(Path.Combine("inserted", "figures", "naming"));

        /// <summary>The executed notebook of the original run.</summary>
        public string OriginalNotebook => Scratch.File(Path.Combine("original", "naming.ipynb"));

        public void Dispose() => Scratch.Dispose();
    }
}
