using System.Text.Json;
using LatentWorkbench.Cli.Commands;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;

namespace LatentWorkbench.Tests.Cli.Commands;

public sealed class TrainingJsonTests
{
    [Fact]
    public void Json_Has_Exactly_The_Keys_Scripts_Read()
    {
        using var temp = new TempDirectory();
        string path = temp.File("vae.json");
        var terms = new Dictionary<string, double> { ["reconstruction"] = 100.5, ["kl"] = 21.0 };
        TrainingJson.Write(path, [new EpochReport(1, 2.5, 164.25, terms), new EpochReport(2, 2.25, 121.5, terms)], [new("test_loss_sampled", 105.5), new("test_loss_mean", 96.9)], 123_456_789);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        Assert.Equal(["epochs", "test_loss_sampled", "test_loss_mean", "peak_working_set_bytes"], root.EnumerateObject().Select(p => p.Name));
        var epochs = root.GetProperty("epochs").EnumerateArray().ToList();
        Assert.Equal(2, epochs.Count);
        Assert.Equal(["epoch", "seconds", "train_loss", "reconstruction", "kl"], epochs[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(21.0, epochs[1].GetProperty("kl").GetDouble());
        Assert.Equal(2, epochs[1].GetProperty("epoch").GetInt32());
        Assert.Equal(121.5, epochs[1].GetProperty("train_loss").GetDouble());
        Assert.Equal(105.5, root.GetProperty("test_loss_sampled").GetDouble());
        Assert.Equal(123_456_789, root.GetProperty("peak_working_set_bytes").GetInt64());
    }
}
