using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Formatting;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Notebooks.Parameters;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks;

/// <summary>Every notebook in notebooks/: valid Polyglot as committed, and runs to the end in quick mode.</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class ShippedNotebookTests
{
    public static TheoryData<string> Notebooks => new(NotebookTestFiles.ShippedNotebooks().Select(Path.GetFileName)!);

    private static string PathOf(string name) => Path.Combine(NotebookTestFiles.RepositoryRoot, "notebooks", name);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Metadata_Is_Polyglot_CSharp_And_The_File_Is_Committed_Clean(string name)
    {
        string text = File.ReadAllText(PathOf(name));
        var root = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(4, root["nbformat"]!.GetValue<int>());
        Assert.Equal(5, root["nbformat_minor"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(PolyglotMetadata.NotebookMetadata(), root["metadata"]), $"{name}: top-level metadata must be exactly the Polyglot C# metadata");

        var cells = root["cells"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var ids = cells.Select(c => c["id"]!.GetValue<string>()).ToList();
        Assert.All(ids, id => Assert.True(CellIds.IsHexId(id), $"{name}: cell id '{id}' is not 8+ hex characters"));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var cell in cells)
        {
            string type = cell["cell_type"]!.GetValue<string>();
            var metadata = cell["metadata"]!.AsObject();
            if (type == "markdown")
            {
                Assert.Empty(metadata);
                continue;
            }

            Assert.Equal("code", type);
            Assert.Equal("csharp", metadata["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
            Assert.Equal("csharp", metadata["dotnet_interactive"]!["language"]!.GetValue<string>());
            Assert.Empty(cell["outputs"]!.AsArray());
            Assert.Null(cell["execution_count"]);
        }

        Assert.Equal(text, IpynbSerializer.Serialize(IpynbSerializer.Parse(text, name)));
    }

    // Notebooks that train and sample nothing (they read the run store), so a budget or a seed would change nothing.
    private static readonly HashSet<string> TrainNothing = new(StringComparer.Ordinal) { "07-your-runs.ipynb" };

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Declares_A_Budget_Parameter_And_A_Seed_Or_Seeds(string name)
    {
        var notebook = Notebook.Load(PathOf(name));
        Assert.Single(notebook.Cells, c => c.HasTag(NotebookCell.ParametersTag));
        var declared = ParameterInjector.Declared(notebook);
        if (TrainNothing.Contains(name))
        {
            Assert.DoesNotContain(declared, p => p.Name is NotebookRunOptions.BudgetParameter or "seed" or "seeds");
        }
        else
        {
            Assert.Contains(declared, p => p.Name == NotebookRunOptions.BudgetParameter && p.Type == ParameterType.Enum && p.TypeName == "StudyBudget" && p.DefaultSource == "StudyBudget.Default");
            // One seed for a notebook that shows; a list for one that compares (its tables show mean ± s.d. over them).
            Assert.Contains(declared, p => (p.Name == "seed" && p.Type == ParameterType.Int && !p.IsArray) || (p.Name == "seeds" && p.Type == ParameterType.Int && p.IsArray));
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Runs_Without_Error_In_Quick_Mode_With_Figures_In_Html_And_Svg(string name)
    {
        // Through the shared fixture, so this never races another collection's fetch into the same folder.
        _ = new MnistFixture().Data;
        using var scratch = new TempDirectory();
        var result = await new NotebookRunner(NotebookRunOptions.IntoDirectory(scratch.Path, name) with { Quick = true }).RunAsync(PathOf(name));

        Assert.True(result.Succeeded, $"{name}: cell {result.Failure?.CellNumber} failed: {result.Failure?.ExceptionType}: {result.Failure?.Message}");
        // Charts and image grids carry both twins; HTML-only results (tables) are exported as pages.
        Assert.All(result.Figures, f => Assert.True(f.HtmlFile is not null, $"{name}: figure {f.Id} has no HTML page"));
        Assert.Contains(result.Figures, f => f.SvgFile is not null);
        var bundles = result.Notebook.Cells.SelectMany(c => c.Outputs).Where(o => o["output_type"]!.GetValue<string>() == "display_data").Select(o => o["data"]!.AsObject());
        Assert.All(bundles.Where(b => b.ContainsKey(MimeTypes.Svg)), b => Assert.True(b.ContainsKey(MimeTypes.Html)));
    }
}
