using System.Text.Json;
using LatentWorkbench.Data;
using LatentWorkbench.Figures;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Figures;

/// <summary>
/// Notebook 01 cell by cell in the real C# kernel (as VS Code and Jupyter run it), in quick mode: every chart it
/// displays carries both text/html and image/svg+xml.
/// </summary>
// A kernel swaps the process-wide Console writers while it runs: kernel tests run in one collection, one at a time.
[Collection(LatentWorkbench.Tests.Notebooks.NotebookRunsCollection.Name)]
public sealed class Notebook01KernelTests
{
    [Fact]
    public async Task Every_Chart_Of_Notebook_01_Displays_As_Html_And_Svg_In_The_Real_Kernel()
    {
        _ = new MnistFixture().Data; // the notebook loads MNIST from the repository's data folder: fetch it first
        string root = DataPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("run the tests inside the checkout");
        string notebook = Path.Combine(root, "notebooks", "01-mnist-and-pca.ipynb");
        using var json = JsonDocument.Parse(File.ReadAllText(notebook));
        var cells = json.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString())))
            .ToList();

        // The export cell writes under the run's output folder: a scratch one here, never the repository's artifacts/.
        using var output = new TempDirectory();
        string? previousOutput = Environment.GetEnvironmentVariable(FigureFolder.OutputVariable);
        Environment.SetEnvironmentVariable(FigureFolder.OutputVariable, output.Path);
        using var kernel = new InProcessKernel();
        var charts = new List<Dictionary<string, string>>();
        try
        {
            for (int i = 0; i < cells.Count; i++)
            {
                // The kernel's folder is not the notebook's here: make the #r path absolute, and run quick (an injected
                // parameter, after the parameters cell: the second code cell, after the library's).
                string code = cells[i].Replace("#r \"../", $"#r \"{root}/", StringComparison.Ordinal);
                if (i == 1)
                {
                    code += "\nbudget = LatentWorkbench.Experiments.StudyBudget.Quick;";
                }

                var (displays, failure) = await kernel.SubmitAsync(code);
                Assert.True(failure is null, $"code cell {i + 1} failed: {failure}");
                charts.AddRange(displays.Where(d => d.TryGetValue("text/html", out string? html) && html.Contains("newPlot(", StringComparison.Ordinal)));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(FigureFolder.OutputVariable, previousOutput);
        }

        Assert.True(charts.Count >= 4, $"notebook 01 displayed {charts.Count} charts; expected its heatmaps, two curves and the embedding");
        Assert.All(charts, chart =>
        {
            Assert.True(chart.ContainsKey("image/svg+xml"), "a chart output has no image/svg+xml twin");
            Assert.StartsWith("<svg", chart["image/svg+xml"], StringComparison.Ordinal);
        });

        // The export cell saved its two figures, named by their ids, under the output folder.
        string report = Path.Combine(output.Path, "report", "01-mnist-and-pca");
        foreach (string file in (string[])["reconstruction-error-curve.svg", "reconstruction-error-curve.html", "pca-reconstructions.svg", "pca-reconstructions.html"])
        {
            Assert.True(File.Exists(Path.Combine(report, file)), $"the export cell did not write {file}");
        }

        Assert.Contains(">k = 30</text>", File.ReadAllText(Path.Combine(report, "pca-reconstructions.svg")), StringComparison.Ordinal);
    }
}
