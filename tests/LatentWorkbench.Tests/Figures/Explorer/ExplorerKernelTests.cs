using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Figures.Explorer;

/// <summary>A latent explorer displayed in the real C# kernel carries the interactive HTML, its static SVG twin and its figure label.</summary>
// A kernel swaps the process-wide Console writers while it runs: kernel tests run in one collection, one at a time.
[Collection(LatentWorkbench.Tests.Notebooks.NotebookRunsCollection.Name)]
public sealed class ExplorerKernelTests
{
    [Fact]
    public async Task A_Displayed_Explorer_Is_Html_With_An_Svg_Twin_And_Its_Label()
    {
        var displays = await RealCSharpKernel.DisplaysAsync("""
            using LatentWorkbench.Data;
            using LatentWorkbench.Figures.Explorer;
            using LatentWorkbench.Models.Vaes;
            using TorchSharp;
            LatentWorkbench.Compute.TorchRuntime.EnsureInitialized();
            var digits = new MnistSplit("tiny", torch.rand(12, 784), torch.arange(12, dtype: torch.int64) % 10);
            LatentExplorer.Of(new Vae(new VaeConfig(HiddenSize: 8, LatentSize: 2)), digits).WithId("tiny-explorer")
            """);

        var bundle = Assert.Single(displays);
        Assert.Equal(["text/html", "image/svg+xml", "application/vnd.latentworkbench.figure+json"], bundle.Keys);
        Assert.Contains("window.LatentWorkbenchExplorer.mount(", bundle["text/html"], StringComparison.Ordinal);
        Assert.Contains("<svg", bundle["image/svg+xml"], StringComparison.Ordinal);
        Assert.Contains("\"id\":\"tiny-explorer\"", bundle["application/vnd.latentworkbench.figure+json"], StringComparison.Ordinal);
    }
}
