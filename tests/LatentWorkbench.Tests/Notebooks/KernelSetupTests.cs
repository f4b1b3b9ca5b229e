using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks;

/// <summary>The kernel's standard setup in the runner: NuGet references and value sharing, as in VS Code.</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class KernelSetupTests
{
    [Fact]
    public async Task Hash_R_Nuget_Restores_A_Package_And_Set_Shares_A_Value()
    {
        // Humanizer.Core 2.14.1 is a dependency of the kernel packages, so the restore finds it in the local package cache.
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.WriteCodeNotebook(scratch.File("nuget.ipynb"),
            "#r \"nuget: Humanizer.Core, 2.14.1\"",
            "using Humanizer;\nvar humanized = \"some_title_here\".Humanize();",
            "#!set --name shared --value 5",
            "#!who");

        var result = await new NotebookRunner(new NotebookRunOptions { FiguresDirectory = scratch.File("figures") }).RunAsync(path);

        Assert.True(result.Succeeded, $"cell {result.Failure?.CellNumber}: {result.Failure?.ExceptionType}: {result.Failure?.Message}");
        Assert.Equal("some title here", result.Variables["humanized"]);
        Assert.Equal("5", result.Variables["shared"]);
        Assert.Contains("Humanizer.Core", string.Concat(result.Notebook.Cells[0].Outputs.Select(o => o.ToJsonString())), StringComparison.Ordinal);
        Assert.Empty(result.Figures);
    }
}
