using LatentWorkbench.Cli.Commands;
using LatentWorkbench.Data;
using LatentWorkbench.Notebooks.Artifacts;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks;

/// <summary>The output folder is replaced only by a run that succeeds; failed and interrupted runs leave it as it was.</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class OutputStagingTests
{
    private static readonly Dictionary<string, string> NoOverrides = [];

    [Fact]
    public async Task A_Failed_Rerun_Leaves_The_Previous_Good_Output_Intact_And_Keeps_Its_Own_Beside_It()
    {
        using var scratch = new TempDirectory();
        string notebook = WriteStagedNotebook(scratch, "staged");
        string output = scratch.File("out");
        Assert.Equal(0, await NotebooksConsole.RunAllAsync([notebook], NoOverrides, quick: false, output, replaceAll: true, CancellationToken.None));
        var good = Snapshot(output);
        Assert.Contains("figures/staged/staged-good-figure.svg", good.Keys);

        int exit = await NotebooksConsole.RunAllAsync([notebook], new Dictionary<string, string> { ["fail"] = "true" }, quick: false, output, replaceAll: true, CancellationToken.None);

        Assert.Equal(NotebooksConsole.CellFailed, exit);
        Assert.Equal(good, Snapshot(output));
        string failed = Assert.Single(Directory.GetDirectories(scratch.Path, "out.failed-*"));
        var executed = Notebook.Load(Path.Combine(failed, "staged.ipynb"));
        Assert.Contains(executed.Cells.SelectMany(c => c.Outputs), o => o["output_type"]!.GetValue<string>() == "error");
        Assert.Empty(Directory.GetDirectories(scratch.Path, "out.staging-*"));
    }

    [Fact]
    public async Task An_Interrupted_Run_Leaves_The_Previous_Good_Output_Intact_And_Nothing_Beside_It()
    {
        using var scratch = new TempDirectory();
        string notebook = WriteStagedNotebook(scratch, "staged");
        string output = scratch.File("out");
        Assert.Equal(0, await NotebooksConsole.RunAllAsync([notebook], NoOverrides, quick: false, output, replaceAll: true, CancellationToken.None));
        var good = Snapshot(output);

        using var interrupt = new CancellationTokenSource();
        RunInterruption.Source = interrupt;
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NotebooksConsole.RunAllAsync(
                [notebook], new Dictionary<string, string> { ["interrupt"] = "true" }, quick: false, output, replaceAll: true, interrupt.Token));
        }
        finally
        {
            RunInterruption.Source = null;
        }

        Assert.Equal(good, Snapshot(output));
        Assert.Equal([output], Directory.GetDirectories(scratch.Path, "out*"));
    }

    [Fact]
    public async Task A_Run_Of_Some_Notebooks_Keeps_The_Others_Results_And_Metrics()
    {
        using var scratch = new TempDirectory();
        string first = WriteStagedNotebook(scratch, "first");
        string second = WriteStagedNotebook(scratch, "second");
        string output = scratch.File("out");
        Assert.Equal(0, await NotebooksConsole.RunAllAsync([first, second], NoOverrides, quick: false, output, replaceAll: false, CancellationToken.None));
        string secondCopy = File.ReadAllText(Path.Combine(output, "second.ipynb"));

        Assert.Equal(0, await NotebooksConsole.RunAllAsync([first], NoOverrides, quick: false, output, replaceAll: false, CancellationToken.None));

        Assert.Equal(secondCopy, File.ReadAllText(Path.Combine(output, "second.ipynb")));
        Assert.True(File.Exists(Path.Combine(output, "figures", "second", "second-good-figure.svg")));
        var metrics = MetricsFile.Read(Path.Combine(output, MetricsFile.FileName));
        Assert.Equal(["first.ipynb", "second.ipynb"], metrics.Select(p => p.Key));
        Assert.Equal(42, metrics["second.ipynb"]!["answer"]!.GetValue<int>());
        Assert.Contains("figures/second/second-good-figure.svg", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Bad_Parameter_For_A_Later_Notebook_Fails_Before_The_First_Runs_And_Touches_No_Output()
    {
        using var scratch = new TempDirectory();
        string first = WriteStagedNotebook(scratch, "first");
        string second = scratch.File("second.ipynb");
        new Notebook(PolyglotMetadata.NotebookMetadata(),
        [
            NotebookCell.NewCode(CellIds.FromSeed("second1"), "var fail = 1;", NotebookCell.ParametersTag),
        ]).Save(second);
        string output = scratch.File("out");
        Assert.Equal(0, await NotebooksConsole.RunAllAsync([first], NoOverrides, quick: false, output, replaceAll: false, CancellationToken.None));
        var good = Snapshot(output);

        // 'fail' is a bool in the first notebook and an int in the second: "false" suits the first only.
        var e = await Assert.ThrowsAsync<LatentWorkbench.Notebooks.Parameters.ParameterException>(() => NotebooksConsole.RunAllAsync(
            [first, second], new Dictionary<string, string> { ["fail"] = "false" }, quick: false, output, replaceAll: false, CancellationToken.None));

        Assert.Contains("second.ipynb", e.Message, StringComparison.Ordinal);
        Assert.Contains("'fail' is an int", e.Message, StringComparison.Ordinal);
        Assert.Equal(good, Snapshot(output));
        Assert.Equal([output], Directory.GetDirectories(scratch.Path, "out*"));
    }

    // A notebook with a figure and a recorded value, that fails or interrupts its own run when its parameters say so.
    private static string WriteStagedNotebook(TempDirectory scratch, string stem)
    {
        string lib = Path.Combine(scratch.Path, "lib");
        Directory.CreateDirectory(lib);
        foreach (var assembly in new[] { typeof(OutputStagingTests).Assembly, typeof(MnistSplit).Assembly })
        {
            File.Copy(assembly.Location, Path.Combine(lib, Path.GetFileName(assembly.Location)), overwrite: true);
        }

        string path = scratch.File(stem + ".ipynb");
        new Notebook(PolyglotMetadata.NotebookMetadata(),
        [
            NotebookCell.NewCode(CellIds.FromSeed(stem + "1"), "var fail = false;\nvar interrupt = false;", NotebookCell.ParametersTag),
            NotebookCell.NewCode(CellIds.FromSeed(stem + "2"), "#r \"lib/LatentWorkbench.Tests.dll\"\n#r \"lib/LatentWorkbench.dll\""),
            NotebookCell.NewCode(CellIds.FromSeed(stem + "3"), "display(new LatentWorkbench.Tests.Notebooks.FixtureFigure(\"Good figure\", 2));\nLatentWorkbench.Reporting.Recorded.Value(\"answer\", 42);"),
            NotebookCell.NewCode(CellIds.FromSeed(stem + "4"), "if (interrupt) LatentWorkbench.Tests.Notebooks.RunInterruption.Interrupt();\nif (fail) throw new InvalidOperationException(\"asked to fail\");"),
            NotebookCell.NewCode(CellIds.FromSeed(stem + "5"), "var done = true;"),
        ]).Save(path);
        return path;
    }

    // Every file under the folder (relative path → contents).
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText);
}
