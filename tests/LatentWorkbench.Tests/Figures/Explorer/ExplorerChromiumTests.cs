using System.Text.Json;
using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Figures.Chromium;
using LatentWorkbench.Figures.Explorer;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Tests.TestUtilities;
using TorchSharp;
using Xunit.Abstractions;

namespace LatentWorkbench.Tests.Figures.Explorer;

/// <summary>
/// Opens exported explorer pages in headless Chromium with the network off (DevTools protocol), hovers a point and an
/// empty place with real mouse events, reads the decoded pixels back through the page's test hook and compares them
/// with TorchSharp's decoder at the same latent point: within 1e-3 per pixel, for an MLP and a conv decoder.
/// Skipped, saying why, where Chromium is not installed (CI installs it: .ci/run).
/// </summary>
public sealed class ExplorerChromiumTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-3;
    private const int Digits = 60;
    private const string Ready = "window.latentExplorer && window.latentExplorer.ready";

    [SkippableFact]
    public void Hovering_A_Point_And_Empty_Space_Decodes_As_TorchSharp_For_The_Mlp_Decoder()
    {
        TorchRuntime.EnsureInitialized();
        torch.manual_seed(11);
        var vae = new Vae(new VaeConfig(HiddenSize: 24, LatentSize: 2));
        HoverAndCompare(vae, "mlp");
    }

    [SkippableFact]
    public void Hovering_A_Point_And_Empty_Space_Decodes_As_TorchSharp_For_The_Conv_Decoder()
    {
        TorchRuntime.EnsureInitialized();
        torch.manual_seed(12);
        var vae = new ConvVae(new ConvVaeConfig(FirstChannels: 3, SecondChannels: 5, LatentSize: 3));
        HoverAndCompare(vae, "conv");
    }

    [SkippableFact]
    public void A_Conditional_Vae_Decodes_The_Picked_Label_At_An_Empty_Place_And_A_Point_With_Its_Own_Label()
    {
        SkipWithoutChromium();
        TorchRuntime.EnsureInitialized();
        torch.manual_seed(14);
        var cvae = new ConditionalVae(new ConditionalVaeConfig(HiddenSize: 24, LatentSize: 2));
        using var digits = SyntheticDigits();
        using var folder = new TempDirectory();
        string page = LatentExplorer.Of(cvae, digits).SaveHtml(folder.File("cvae.html"));

        using var chromium = OpenOffline(page);
        chromium.Evaluate("latentExplorer.setLabel(3), true");
        Hover(chromium, "latentExplorer.emptySpot(12)");
        var decoded = chromium.Evaluate("latentExplorer.state()");
        Hover(chromium, "latentExplorer.clientPositionOf(6)");
        var hovered = chromium.Evaluate("latentExplorer.state()");

        Assert.Equal("latent", decoded.GetProperty("kind").GetString());
        Assert.Equal(3, decoded.GetProperty("label").GetInt32());
        float[] latent = [.. decoded.GetProperty("latent").EnumerateArray().Select(v => (float)v.GetDouble())];
        using var noGrad = torch.no_grad();
        using var z = torch.tensor(latent).unsqueeze(0);
        double emptyDifference = MaxDifference(cvae.Decode(z, torch.tensor(new long[] { 3 })), decoded.GetProperty("pixels"));
        Assert.Equal("point", hovered.GetProperty("kind").GetString());
        int index = hovered.GetProperty("index").GetInt32();
        using var label = digits.Labels.narrow(0, index, 1);
        using var mu = cvae.Encode(digits.Images.narrow(0, index, 1), label).Mean;
        double pointDifference = MaxDifference(cvae.Decode(mu, label), hovered.GetProperty("pixels"));
        output.WriteLine($"cvae: max |page − TorchSharp| per pixel: hovered point {pointDifference:E2}, empty place as 3 {emptyDifference:E2}");
        Assert.True(emptyDifference < Tolerance, $"the empty place decoded as 3 differs by {emptyDifference} from TorchSharp's.");
        Assert.True(pointDifference < Tolerance, $"the hovered point's reconstruction differs by {pointDifference} from TorchSharp's.");
    }

    [SkippableFact]
    public void A_Decoder_The_Page_Cannot_Run_Still_Shows_Points_With_Thumbnails_And_Says_Why()
    {
        SkipWithoutChromium();
        TorchRuntime.EnsureInitialized();
        torch.manual_seed(13);
        var model = new AutoregressiveVae(new AutoregressiveVaeConfig(EncoderHiddenSize: 8, LatentSize: 2, DecoderHiddenSize: 8));
        using var digits = SyntheticDigits();
        using var folder = new TempDirectory();
        string page = LatentExplorer.Of(model, digits).SaveHtml(folder.File("unsupported.html"));

        using var chromium = OpenOffline(page);
        Hover(chromium, "latentExplorer.clientPositionOf(4)");
        var state = chromium.Evaluate("latentExplorer.state()");

        Assert.Equal("point", state.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("pixels").ValueKind);
        string text = chromium.Evaluate("document.body.innerText").GetString()!;
        Assert.Contains("AutoregressiveVae", text, StringComparison.Ordinal);
        Assert.Contains("Supported:", text, StringComparison.Ordinal);
    }

    private void HoverAndCompare(IVariationalAutoencoder model, string name)
    {
        SkipWithoutChromium();
        using var digits = SyntheticDigits();
        using var folder = new TempDirectory();
        var explorer = LatentExplorer.Of(model, digits);
        if (explorer.LatentSize > 2)
        {
            explorer = explorer.WithTraversal("z₁", torch.tensor(new float[] { 1, 0, 0 }));
        }

        string page = explorer.SaveHtml(folder.File(name + ".html"));
        using var chromium = OpenOffline(page);
        if (explorer.LatentSize > 2)
        {
            // Off the plane and along a traversal, so the sliders' part of z is checked too.
            chromium.Evaluate("latentExplorer.setSlider('PC3', 0.7), latentExplorer.setSlider('z₁', -0.4), true");
        }

        // A point: its reconstruction is the decoder at its code (μ).
        Hover(chromium, "latentExplorer.clientPositionOf(7)");
        var hovered = chromium.Evaluate("latentExplorer.state()");
        Assert.Equal("point", hovered.GetProperty("kind").GetString());
        int index = hovered.GetProperty("index").GetInt32();
        using var noGrad = torch.no_grad();
        using var mu = model.Encode(digits.Images[index].unsqueeze(0)).Mean;
        double pointDifference = MaxDifference(model, mu, hovered.GetProperty("pixels"));

        // Empty space: the decoder at the latent point the page reports for the cursor.
        Hover(chromium, "latentExplorer.emptySpot(12)");
        var decoded = chromium.Evaluate("latentExplorer.state()");
        Assert.Equal("latent", decoded.GetProperty("kind").GetString());
        float[] latent = [.. decoded.GetProperty("latent").EnumerateArray().Select(v => (float)v.GetDouble())];
        using var z = torch.tensor(latent).unsqueeze(0);
        double emptyDifference = MaxDifference(model, z, decoded.GetProperty("pixels"));

        string[] requests = [.. chromium.Evaluate("performance.getEntriesByType('resource').map(e => e.name)").EnumerateArray().Select(e => e.GetString()!)];
        output.WriteLine($"{name}: max |page − TorchSharp| per pixel: hovered point {pointDifference:E2}, empty place {emptyDifference:E2}; page {new FileInfo(page).Length} bytes");
        Assert.True(pointDifference < Tolerance, $"{name}: the hovered point's reconstruction differs by {pointDifference} from TorchSharp's.");
        Assert.True(emptyDifference < Tolerance, $"{name}: the empty place's decoding differs by {emptyDifference} from TorchSharp's.");
        Assert.All(requests, url => Assert.True(url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("file:", StringComparison.Ordinal), $"the page requested {url}"));
    }

    private static DevToolsPage OpenOffline(string page)
    {
        var chromium = DevToolsPage.Start();
        chromium.GoOffline();
        chromium.Open(page, Ready);
        return chromium;
    }

    // Moves the mouse to the client position that the page's test hook gives for `position` (a point, or an empty place).
    private static void Hover(DevToolsPage chromium, string position)
    {
        var at = chromium.Evaluate(position);
        Assert.Equal(JsonValueKind.Object, at.ValueKind);
        chromium.MoveMouse(at.GetProperty("x").GetDouble(), at.GetProperty("y").GetDouble());
    }

    private static double MaxDifference(IVariationalAutoencoder model, torch.Tensor z, JsonElement pagePixels) => MaxDifference(model.Decode(z), pagePixels);

    private static double MaxDifference(torch.Tensor torchPixels, JsonElement pagePixels)
    {
        float[] expected = torchPixels.flatten().data<float>().ToArray();
        double[] actual = [.. pagePixels.EnumerateArray().Select(v => v.GetDouble())];
        Assert.Equal(expected.Length, actual.Length);
        return expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
    }

    // Blobs of random brightness with labels 0..9: the page needs images and labels, not real digits.
    private static MnistSplit SyntheticDigits()
    {
        using var generator = new torch.Generator(5);
        var images = torch.rand([Digits, MnistSplit.PixelsPerImage], generator: generator).pow(3);
        var labels = torch.arange(Digits, dtype: torch.int64) % MnistSplit.ClassCount;
        return new MnistSplit("synthetic", images, labels);
    }

    private static void SkipWithoutChromium() =>
        Skip.If(HeadlessChromium.FindExecutable() is null,
            "Headless Chromium was not found (install it: Debian apt-get install chromium, as .ci/run does; or set LATENTWORKBENCH_CHROMIUM).");
}
