using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks.Figures;

/// <summary>
/// A small notebook of real library figures: a chart with an id, a caption and a title under a markdown heading, an
/// untitled bar chart and a titled table in one cell, a labelled digit grid and a second grid of the same title.
/// </summary>
internal static class FigureFixtureNotebook
{
    /// <summary>Runs <paramref name="notebook"/> with <c>seed=7</c> into <c>{scratch}/{output}/</c>; throws when a cell fails.</summary>
    public static NotebookRunResult Run(TempDirectory scratch, string notebook, string output)
    {
        var result = new NotebookRunner(NotebookRunOptions.IntoDirectory(scratch.File(output), notebook) with
        {
            Parameters = new Dictionary<string, string> { ["seed"] = "7" },
        }).RunAsync(notebook).GetAwaiter().GetResult();
        return result.Failure is null ? result : throw new InvalidOperationException($"cell {result.Failure.CellNumber} failed: {result.Failure.Message}");
    }

    /// <summary>Writes the notebook to <paramref name="name"/> in <paramref name="scratch"/> (with the library staged in <c>lib/</c>), optionally with a markdown cell inserted at the top and plotly.js inlined in the first chart.</summary>
    public static string Write(TempDirectory scratch, string name, bool insertMarkdown, bool inlinePlotlyJs = false)
    {
        string path = scratch.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string lib = Path.GetRelativePath(Path.GetDirectoryName(path)!, scratch.File("lib")).Replace('\\', '/');
        if (!Directory.Exists(scratch.File("lib")))
        {
            NotebookTestFiles.StageFixture(scratch, "runner-fixture.ipynb");   // stages lib/ with the library
        }

        var cells = new List<NotebookCell>
        {
            NotebookCell.NewCode("0c0ffee0", "var seed = 0;", NotebookCell.ParametersTag),
            NotebookCell.NewCode("0c0ffee1", $"#r \"{lib}/LatentWorkbench.dll\"\nusing LatentWorkbench.Figures;\nusing LatentWorkbench.Images;\nusing LatentWorkbench.Tables;\nLatentWorkbench.Compute.TorchRuntime.EnsureInitialized();" + (inlinePlotlyJs ? "\nLatentWorkbench.Figures.Display.ChartFormatters.InlinePlotlyJs = true;" : "")),
            NotebookCell.NewMarkdown("0c0ffee9", "## Reconstruction error against *k*"),
            NotebookCell.NewCode("0c0ffee3", "Charts.Line([1.0, 4.0, 9.0], \"squares\", title: \"Reconstruction error against k\").WithId(\"recon-error\").WithCaption(\"Error against *k*, per pixel\")"),
            NotebookCell.NewCode("0c0ffee2", "display(Charts.Bar([\"a\", \"b\"], [3.0, 1.0]));\nDataFrames.FromRows([\"k\", \"error\"], [[2, 0.5], [10, 0.25]], title: \"Errors\")"),
            NotebookCell.NewCode("0c0ffee4", "display(GridImage.FromImages(TorchSharp.torch.zeros(4, 784), 2, rowLabels: [\"top\", \"bottom\"], title: \"Blank digits\"));\nGridImage.FromImages(TorchSharp.torch.ones(2, 784), 2, title: \"Blank digits\")"),
        };
        if (insertMarkdown)
        {
            cells.Insert(0, NotebookCell.NewMarkdown("0c0ffeea", "# A new introduction\n\nInserted above every cell."));
        }

        new Notebook(PolyglotMetadata.NotebookMetadata(), cells).Save(path);
        return path;
    }
}
