using System.Diagnostics;
using LatentWorkbench.Tests.Notebooks;

namespace LatentWorkbench.Tests.TestUtilities;

/// <summary>
/// Runs notebook cells in tests/LatentWorkbench.KernelHost: a kernel host process shaped like the dotnet-interactive
/// tool (the real C# kernel, FSharp.Core 10.0, neither the library nor TorchSharp of its own), so a notebook's
/// <c>#r</c> of the library's build output loads it as in VS Code or Jupyter.
/// </summary>
internal static class KernelHostProcess
{
    private static string Configuration => AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    /// <summary>The library's build output, the folder notebooks <c>#r</c>.</summary>
    public static string LibraryFolder => Path.Combine(NotebookTestFiles.RepositoryRoot, "src", "LatentWorkbench", "bin", Configuration, "net10.0");

    /// <summary>Runs <paramref name="cells"/> (C# code cells) and returns the executed notebook's JSON; fails the test when a cell threw.</summary>
    public static async Task<string> Run(params string[] cells)
    {
        using var temp = new TempDirectory();
        string notebook = NotebookTestFiles.WriteCodeNotebook(temp.File("cells.ipynb"), cells);
        string executed = temp.File("executed.ipynb");
        string host = Path.Combine(NotebookTestFiles.RepositoryRoot, "tests", "LatentWorkbench.KernelHost", "bin", Configuration, "net10.0", "LatentWorkbench.KernelHost.dll");
        // An explicit working directory (see Cli/TrainCommandTests.RunCli): the test host's may be a deleted notebook folder.
        var start = new ProcessStartInfo("dotnet", [host, notebook, executed]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = temp.Path };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"kernel host exited {process.ExitCode}: {stdout}\n{await stderr}\n{(File.Exists(executed) ? await File.ReadAllTextAsync(executed) : "")}");
        return await File.ReadAllTextAsync(executed);
    }
}
