using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks;

[Collection(NotebookRunsCollection.Name)]
public sealed class RunnerErrorTests
{
    [Fact]
    public async Task A_Throwing_Cell_Stops_The_Run_And_Its_Error_Is_Written_With_The_Cell_Number()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.WriteCodeNotebook(scratch.File("throws.ipynb"),
            "var before = 1;",
            "display(before + 1);",
            "Console.WriteLine(\"partial\");\nthrow new InvalidOperationException(\"the data is wrong\");",
            "var after = 2;");
        string output = scratch.File("out.ipynb");

        var result = await new NotebookRunner(new NotebookRunOptions { OutputPath = output }).RunAsync(path);

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(3, failure.CellNumber);
        Assert.Equal("InvalidOperationException", failure.ExceptionType);
        Assert.Equal("the data is wrong", failure.Message);
        Assert.False(result.Variables.ContainsKey("after"));

        var written = Notebook.Load(output);
        var failed = written.Cells[2];
        Assert.Equal("stream", failed.Outputs[0]["output_type"]!.GetValue<string>());
        Assert.Equal("partial\n", IpynbSerializer.JoinLines(failed.Outputs[0]["text"]));
        var error = failed.Outputs[1];
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.Equal("InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.Equal("the data is wrong", error["evalue"]!.GetValue<string>());
        var traceback = error["traceback"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        Assert.Contains(traceback, l => l.Contains("the data is wrong", StringComparison.Ordinal));
        Assert.DoesNotContain(traceback, l => l.Contains("Microsoft.DotNet.Interactive", StringComparison.Ordinal));
        Assert.Equal("failed", failed.Metadata["papermill"]!["status"]!.GetValue<string>());

        var notRun = written.Cells[3];
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

    [Fact]
    public async Task A_Cell_For_A_Kernel_The_Runner_Does_Not_Host_Fails_At_That_Cell()
    {
        using var scratch = new TempDirectory();
        var first = NotebookCell.NewCode("abcdef12", "var x = 1;");
        var fsharp = NotebookCell.NewCode("abcdef13", "let x = 1");
        fsharp.Metadata["polyglot_notebook"] = new System.Text.Json.Nodes.JsonObject { ["kernelName"] = "fsharp" };
        string path = scratch.File("fsharp.ipynb");
        new Notebook(PolyglotMetadata.NotebookMetadata(), [first, fsharp]).Save(path);

        var result = await new NotebookRunner().RunAsync(path);

        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Contains("fsharp", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Missing_Notebook_Says_It_Does_Not_Exist_Naming_The_Path()
    {
        using var scratch = new TempDirectory();
        string path = scratch.File("nowhere.ipynb");
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => new NotebookRunner().RunAsync(path));
        Assert.Contains($"'{path}' does not exist", e.Message, StringComparison.Ordinal);
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
