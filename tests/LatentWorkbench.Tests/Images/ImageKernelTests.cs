using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Images;

/// <summary>A digit grid displayed in the real C# kernel shows as a PNG image (and as HTML with its labels).</summary>
// A kernel swaps the process-wide Console writers while it runs: kernel tests run in one collection, one at a time.
[Collection(LatentWorkbench.Tests.Notebooks.NotebookRunsCollection.Name)]
public sealed class ImageKernelTests
{
    [Fact]
    public async Task A_Displayed_Digit_Grid_Is_A_Png_Image()
    {
        var displays = await RealCSharpKernel.DisplaysAsync("""
            using LatentWorkbench.Images;
            using TorchSharp;
            LatentWorkbench.Compute.TorchRuntime.EnsureInitialized();
            var ramps = (torch.arange(784, dtype: torch.float32) / 783f).repeat(4, 1);
            GridImage.FromImages(ramps, 2, rowLabels: ["top", "bottom"], title: "Ramps")
            """);

        var bundle = Assert.Single(displays);
        Assert.Equal(["image/png", "text/html", "image/svg+xml", "application/vnd.latentworkbench.figure+json"], bundle.Keys);
        Assert.Contains(">bottom</text>", bundle["image/svg+xml"], StringComparison.Ordinal);
        Assert.Contains(">Ramps</text>", bundle["image/svg+xml"], StringComparison.Ordinal);
        Assert.Equal("{\"title\":\"Ramps\"}", bundle["application/vnd.latentworkbench.figure+json"]);
        byte[] png = Convert.FromBase64String(bundle["image/png"]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        // The PNG carries the labels in its pixels (so it is larger than the grid); the HTML shows the bare grid with text labels.
        Assert.DoesNotContain(bundle["image/png"], bundle["text/html"], StringComparison.Ordinal);
        Assert.Contains("<img src=\"data:image/png;base64,", bundle["text/html"], StringComparison.Ordinal);
        Assert.Contains(">bottom</span>", bundle["text/html"], StringComparison.Ordinal);
        Assert.Contains("<figcaption", bundle["text/html"], StringComparison.Ordinal);
    }
}
