using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks;

[Collection(NotebookRunsCollection.Name)]
public sealed class RunnerErrorTests
{
    [Fact]
    public async Task A_Throwing_Cell_Stops_The_Run_And_Its_Error_Is_Written()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.WriteCodeNotebook(scratch.File("throws.ipynb"),
            "var before = 1;",
            "Console.WriteLine(\"partial\");\nthrow new InvalidOperationException(\"the data is wrong\");",
            "var after = 2;");
        string output = scratch.File("out.ipynb");

        var result = await new NotebookRunner(new NotebookRunOptions { OutputPath = output }).RunAsync(path);

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.Equal("InvalidOperationException", failure.ExceptionType);
        Assert.False(result.Variables.ContainsKey("after"));

        var written = Notebook.Load(output);
        var failed = written.Cells[1];
        Assert.Equal("stream", failed.Outputs[0]["output_type"]!.GetValue<string>());
        var error = failed.Outputs[1];
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.Equal("InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.Equal("the data is wrong", error["evalue"]!.GetValue<string>());
        Assert.Contains(error["traceback"]!.AsArray(), l => l!.GetValue<string>().Contains("the data is wrong", StringComparison.Ordinal));
        Assert.Equal("failed", failed.Metadata["papermill"]!["status"]!.GetValue<string>());

        var notRun = written.Cells[2];
        Assert.Null(notRun.ExecutionCount);
        Assert.Empty(notRun.Outputs);
        Assert.Equal("pending", notRun.Metadata["papermill"]!["status"]!.GetValue<string>());
        Assert.True(written.Metadata["papermill"]!["exception"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_Compile_Error_Names_The_Diagnostic()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.WriteCodeNotebook(scratch.File("broken.ipynb"), "var x = 1;", "var y = undefinedName + 1;");
        var result = await new NotebookRunner().RunAsync(path);
        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Equal("CompilationErrorException", result.Failure.ExceptionType);
        Assert.Contains("CS0103", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task System_IO_Is_Not_Imported_As_In_The_Kernel()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.WriteCodeNotebook(scratch.File("io.ipynb"), "var exists = File.Exists(\"x\");");
        var result = await new NotebookRunner().RunAsync(path);
        Assert.Contains("'File'", result.Failure!.Message, StringComparison.Ordinal);

        string qualified = NotebookTestFiles.WriteCodeNotebook(scratch.File("io2.ipynb"), "var exists = System.IO.File.Exists(\"x\");");
        Assert.True((await new NotebookRunner().RunAsync(qualified)).Succeeded);
    }

    [Theory]
    [InlineData("#!time\nvar x = 1;", "'#!time'")]
    [InlineData("#r \"nuget: Plotly.NET, 4.0.0\"", "NuGet")]
    [InlineData("#i \"nuget: https://example.org/feed\"", "package source")]
    [InlineData("#!fsharp\nlet x = 1", "'#!fsharp'")]
    public async Task Unsupported_Directives_Fail_Before_Anything_Runs_Naming_The_Cell(string source, string expected)
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.WriteCodeNotebook(scratch.File("magic.ipynb"), "Console.WriteLine(\"must not run\");", source);
        var e = await Assert.ThrowsAsync<NotebookValidationException>(() => new NotebookRunner().RunAsync(path));
        Assert.Contains("cell 2", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Cell_For_Another_Kernel_Is_Rejected()
    {
        using var scratch = new TempDirectory();
        var cell = NotebookCell.NewCode("abcdef12", "let x = 1");
        cell.Metadata["polyglot_notebook"] = new System.Text.Json.Nodes.JsonObject { ["kernelName"] = "fsharp" };
        string path = scratch.File("fsharp.ipynb");
        new Notebook(PolyglotMetadata.NotebookMetadata(), [cell]).Save(path);
        var e = await Assert.ThrowsAsync<NotebookValidationException>(() => new NotebookRunner().RunAsync(path));
        Assert.Contains("'fsharp' cell", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_Writers_Are_Restored_After_A_Run()
    {
        var before = (Console.Out, Console.Error);
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.WriteCodeNotebook(scratch.File("console.ipynb"), "Console.WriteLine(\"captured\");");
        var result = await new NotebookRunner().RunAsync(path);
        Assert.Equal("captured\n", IpynbSerializer.JoinLines(result.Notebook.Cells[0].Outputs[0]["text"]));
        Assert.Same(before.Out, Console.Out);
        Assert.Same(before.Error, Console.Error);
    }
}
