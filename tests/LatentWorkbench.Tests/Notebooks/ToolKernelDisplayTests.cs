using System.Text.Json;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks;

/// <summary>
/// Charts, tables and images display in a kernel host shaped like the dotnet-interactive tool, whose FSharp.Core
/// (10.0) is older than Plotly.NET's (10.1): each output carries its interactive and its static representation.
/// </summary>
public sealed class ToolKernelDisplayTests
{
    [Fact]
    public async Task A_Chart_A_Table_And_A_Digit_Grid_Display_With_Both_Representations()
    {
        string executed = await KernelHostProcess.Run(
            $"#r \"{Path.Combine(KernelHostProcess.LibraryFolder, "LatentWorkbench.dll")}\"",
            "using LatentWorkbench.Figures;\nCharts.Line([1.0, 4.0, 9.0], \"squares\")",
            "using LatentWorkbench.Tables;\nDataFrames.FromRows([\"method\", \"error\"], [[\"PCA\", 13.87]])",
            "using LatentWorkbench.Images;\nLatentWorkbench.Compute.TorchRuntime.EnsureInitialized();\nGridImage.FromImages(TorchSharp.torch.zeros(4, 784), 2)");

        using var document = JsonDocument.Parse(executed);
        var bundles = document.RootElement.GetProperty("cells").EnumerateArray()
            .Select(cell => cell.GetProperty("outputs").EnumerateArray().Where(o => o.TryGetProperty("data", out _))
                .Select(o => o.GetProperty("data").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray()).ToList())
            .ToList();
        Assert.Equal(["application/vnd.latentworkbench.figure+json", "image/svg+xml", "text/html"], bundles[1].Single());
        Assert.Contains("image/svg+xml", bundles[2].Single());
        Assert.Contains("text/html", bundles[2].Single());
        Assert.Equal(["application/vnd.latentworkbench.figure+json", "image/png", "image/svg+xml", "text/html"], bundles[3].Single());
    }
}
