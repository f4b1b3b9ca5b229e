using LatentWorkbench.Data;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks.Figures;

/// <summary>Issue 23's done-when on a shipped notebook: inserting a markdown cell at the top of notebook 01 renames none of its figure files.</summary>
/// <remarks>Notebook 01's figures all carry an id or a title; the fallback for untitled figures (the cell's stable id) is checked by <see cref="FigureNamingTests"/>.</remarks>
[Collection(NotebookRunsCollection.Name)]
public sealed class ShippedFigureNamesTests
{
    [Fact]
    public async Task Notebook_01_Keeps_Every_Figure_File_Name_When_A_Markdown_Cell_Is_Inserted_At_The_Top()
    {
        _ = new MnistFixture().Data; // the notebook loads MNIST from the repository's data folder: fetch it first
        using var scratch = new TempDirectory();
        string shipped = Path.Combine(NotebookTestFiles.RepositoryRoot, "notebooks", "01-mnist-and-pca.ipynb");

        var before = await FigureFiles(Copy(shipped, scratch, "as-shipped", insertMarkdown: false), scratch.File("out-as-shipped"));
        var after = await FigureFiles(Copy(shipped, scratch, "inserted", insertMarkdown: true), scratch.File("out-inserted"));

        Assert.True(before.Count >= 14, $"expected notebook 01's figures, got {string.Join(", ", before)}");
        Assert.Equal(before, after);
    }

    // A copy in its own folder, its #r made absolute (the copy is not beside src/), optionally with a markdown cell first.
    private static string Copy(string shipped, TempDirectory scratch, string folder, bool insertMarkdown)
    {
        var notebook = Notebook.Load(shipped);
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Code && c.Source.Contains("#r \"../", StringComparison.Ordinal)))
        {
            cell.Source = cell.Source.Replace("#r \"../", $"#r \"{NotebookTestFiles.RepositoryRoot}/", StringComparison.Ordinal);
        }

        if (insertMarkdown)
        {
            notebook.Cells.Insert(0, NotebookCell.NewMarkdown("1a2b3c4d", "# Inserted\n\nA new first cell."));
        }

        string path = scratch.File(Path.Combine(folder, "01-mnist-and-pca.ipynb"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        notebook.Save(path);
        return path;
    }

    private static async Task<List<string>> FigureFiles(string notebook, string output)
    {
        var result = await new NotebookRunner(NotebookRunOptions.IntoDirectory(output, notebook) with { Quick = true }).RunAsync(notebook);
        Assert.True(result.Failure is null, $"cell {result.Failure?.CellNumber} failed: {result.Failure?.Message}");
        return Directory.GetFiles(Path.Combine(output, "figures", "01-mnist-and-pca")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;
    }
}
