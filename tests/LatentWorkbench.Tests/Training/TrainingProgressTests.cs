using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;

namespace LatentWorkbench.Tests.Training;

public sealed class TrainingProgressTests
{
    private static EpochReport Epoch(int epoch, double loss) => new(epoch, 1.5, loss, new Dictionary<string, double> { ["reconstruction"] = loss - 10, ["kl"] = 10 });

    [Fact]
    public void Outside_A_Kernel_It_Displays_Nothing_But_Reports_Every_Epoch_And_The_End()
    {
        var seen = new List<TrainingStatus>();
        var progress = new TrainingProgress("VAE 784-400-20", 2, seen.Add);

        progress.OnStepEnd(new StepReport(1, 1, 4, 1));
        progress.OnEpochEnd(Epoch(1, 120));
        progress.OnEpochEnd(Epoch(2, 110));

        Assert.False(progress.IsDisplayed);
        Assert.False(seen[0].Finished);
        Assert.Equal(0, seen[0].Fraction);
        var last = seen[^1];
        Assert.True(last.Finished);
        Assert.Equal(1, last.Fraction);
        Assert.Equal([120.0, 110.0], last.History.Select(h => h.TrainLoss));
        Assert.StartsWith("VAE 784-400-20: done, 2 epochs in ", last.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("loss 110", last.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Step_Updates_Are_Throttled()
    {
        var seen = new List<TrainingStatus>();
        var progress = new TrainingProgress("t", 1, seen.Add);
        for (int step = 1; step <= 1000; step++)
        {
            progress.OnStepEnd(new StepReport(1, step, 1000, step));
        }

        // The first status, then at most one per MinimumInterval: a thousand fast steps give a handful of updates.
        Assert.InRange(seen.Count, 1, 3);
    }

    [Fact]
    public void The_Status_Knows_How_Far_Along_It_Is_And_Estimates_The_Rest()
    {
        var status = new TrainingStatus("t", 4, new StepReport(2, 50, 100, 150), TimeSpan.FromSeconds(30), [Epoch(1, 100)], Finished: false);

        Assert.Equal(0.375, status.Fraction, 12);
        Assert.Equal(50, status.Remaining!.Value.TotalSeconds, 6);
        Assert.Equal("t: epoch 2/4, step 50/100 · 30.0 s elapsed · ~50.0 s left · loss 100", status.ToString());
        string html = status.ToHtml();
        Assert.Contains("<progress max=\"1\" value=\"0.375\"", html, StringComparison.Ordinal);
        Assert.Contains(">reconstruction</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td style=\"padding:0 8px\">90</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_Are_Html_Encoded()
    {
        var status = new TrainingStatus("<b>x</b>", 1, null, TimeSpan.Zero, [], Finished: false);

        Assert.Contains("&lt;b&gt;x&lt;/b&gt;: starting", status.ToHtml(), StringComparison.Ordinal);
    }
}

/// <summary>In the real C# kernel the progress is one display, updated in place with HTML and text.</summary>
[Collection(LatentWorkbench.Tests.Notebooks.NotebookRunsCollection.Name)]
public sealed class TrainingProgressKernelTests
{
    [Fact]
    public async Task In_A_Kernel_It_Shows_One_Display_And_Updates_It_Each_Epoch()
    {
        var displays = await RealCSharpKernel.DisplaysAsync("""
            using LatentWorkbench.Training;
            var progress = new TrainingProgress("VAE", 2);
            progress.OnEpochEnd(new EpochReport(1, 1.0, 120, new Dictionary<string, double>()));
            progress.OnEpochEnd(new EpochReport(2, 1.0, 110, new Dictionary<string, double>()));
            """);

        Assert.Equal(3, displays.Count);
        Assert.All(displays, d => Assert.Equal(["text/html", "text/plain"], d.Keys));
        Assert.Equal("VAE: starting", displays[0]["text/plain"]);
        Assert.StartsWith("VAE: done, 2 epochs", displays[2]["text/plain"], StringComparison.Ordinal);
        Assert.Contains("<progress max=\"1\" value=\"1\"", displays[2]["text/html"], StringComparison.Ordinal);
    }
}
