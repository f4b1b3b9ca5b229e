using LatentWorkbench.Cli;
using LatentWorkbench.Cli.Commands;
using LatentWorkbench.Notebooks.Artifacts;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Tests.Notebooks;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Cli.Commands;

/// <summary>The CLI commands end to end, in process: exit codes, outputs, index page.</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class NotebooksCommandTests
{
    [Fact]
    public async Task Notebooks_Run_Writes_The_Executed_Copy_Figures_And_Index_With_Overrides_And_Copies_The_Figures()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.StageFixture(scratch, "runner-fixture.ipynb");
        string output = scratch.File("out");
        string report = scratch.File("report");

        int exit = await Program.BuildRoot().Parse(["notebooks", "run", path, "--set", "seed=5", "--set", "label=x=y", "--out", output, "--figures", report]).InvokeAsync();

        Assert.Equal(0, exit);
        var executed = Notebook.Load(Path.Combine(output, "runner-fixture.ipynb"));
        Assert.Equal("// Parameters\nvar seed = 5;\nvar label = \"x=y\";", executed.Cells[3].Source);
        string index = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("figures/runner-fixture/runner-fixture-loss-curve.svg", index, StringComparison.Ordinal);
        Assert.Contains("Loss curve", index, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(report, "runner-fixture-loss-curve.svg")), "--figures did not copy the figure");
        Assert.Contains("\"seed\": 5", File.ReadAllText(Path.Combine(report, "figures.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Failing_Cell_Exits_With_2_And_Its_Output_Is_Kept_Beside_The_Output_Folder()
    {
        using var scratch = new TempDirectory();
        string notebooks = scratch.File("nb");
        Directory.CreateDirectory(notebooks);
        NotebookTestFiles.WriteCodeNotebook(Path.Combine(notebooks, "fails.ipynb"), "var a = 1;", "var b = a + 1;", "throw new InvalidOperationException(\"stop here\");");
        string output = scratch.File("out");

        int exit = await Program.BuildRoot().Parse(["notebooks", "run", notebooks, "--out", output]).InvokeAsync();

        Assert.Equal(NotebooksConsole.CellFailed, exit);
        Assert.False(Directory.Exists(output));
        string failed = Assert.Single(Directory.GetDirectories(scratch.Path, "out.failed-*"));
        Assert.True(File.Exists(Path.Combine(failed, "fails.ipynb")));
        Assert.Contains("cell 3 failed: InvalidOperationException: stop here", File.ReadAllText(Path.Combine(failed, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Missing_Notebook_Exits_With_1_Naming_The_Path()
    {
        using var scratch = new TempDirectory();
        string missing = scratch.File("missing.ipynb");
        var error = new StringWriter();
        var before = Console.Error;
        Console.SetError(error);
        int exit;
        try
        {
            exit = await Program.BuildRoot().Parse(["notebooks", "run", missing, "--out", scratch.File("out")]).InvokeAsync();
        }
        finally
        {
            Console.SetError(before);
        }

        Assert.Equal(CliAction.Failure, exit);
        Assert.Contains($"Notebook '{missing}' does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Bad_Override_Exits_With_1_Before_Running()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.StageFixture(scratch, "runner-fixture.ipynb");
        string output = scratch.File("out");

        int exit = await Program.BuildRoot().Parse(["notebooks", "run", path, "--set", "seed=lots", "--out", output]).InvokeAsync();

        Assert.Equal(CliAction.Failure, exit);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void The_Library_Build_Check_Accepts_The_Build_The_Host_Runs_With()
    {
        // Tests run in Release, whose ProjectReference builds the DLL the notebooks #r.
        string path = NotebooksLibraryBuild.EnsureCurrent(NotebookTestFiles.RepositoryRoot);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void The_Library_Build_Check_Says_How_To_Build_A_Missing_Dll()
    {
        using var scratch = new TempDirectory();
        var e = Assert.Throws<FileNotFoundException>(() => NotebooksLibraryBuild.EnsureCurrent(scratch.Path));
        Assert.Contains("dotnet build -c Release", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Main_Job_In_Quick_Mode_Runs_Every_Shipped_Notebook_Into_An_Index()
    {
        _ = new MnistFixture().Data; // fetched once for the whole run; the job then only verifies it
        using var scratch = new TempDirectory();
        int exit = await Program.BuildRoot().Parse(["run", "--quick", "--out", scratch.Path]).InvokeAsync();

        Assert.Equal(0, exit);
        string index = File.ReadAllText(scratch.File("index.html"));
        foreach (string notebook in NotebookTestFiles.ShippedNotebooks())
        {
            string name = Path.GetFileName(notebook);
            Assert.True(File.Exists(scratch.File(name)), $"{name} was not executed");
            Assert.Contains($"href=\"{name}\"", index, StringComparison.Ordinal);
        }

        var metrics = MetricsFile.Read(scratch.File(MetricsFile.FileName));
        Assert.Equal(NotebookTestFiles.ShippedNotebooks().Select(Path.GetFileName), metrics.Select(p => p.Key));
        Assert.True(metrics["01-mnist-and-pca.ipynb"]!.AsObject().ContainsKey("pca30_test_mse"));
    }
}
