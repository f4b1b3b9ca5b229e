using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Tests.Training;

public sealed class EpochMeasureTests
{
    private sealed class EpochSquared(List<bool> trainingModeSeen, torch.nn.Module module) : IEpochMeasure
    {
        public IReadOnlyDictionary<string, double> Measure(int epoch)
        {
            trainingModeSeen.Add(module.training);
            module.eval();   // a measure may switch modes; the trainer switches back
            return new Dictionary<string, double> { ["epoch_squared"] = epoch * epoch };
        }
    }

    [Fact]
    public void Measures_Join_The_Epoch_Terms_And_Training_Resumes_In_Training_Mode()
    {
        torch.manual_seed(0);
        var vae = new Vae(new VaeConfig(InputSize: 6, HiddenSize: 4, LatentSize: 2));
        using var data = torch.rand([12, 6]);
        using var optimizer = torch.optim.Adam(vae.parameters());
        var seen = new List<bool>();
        var epochs = new Trainer(new TrainerOptions { Epochs = 3, BatchSize = 6 }, new EpochSquared(seen, vae)).Fit(vae, optimizer, data);
        Assert.Equal([1.0, 4.0, 9.0], epochs.Select(e => e.Terms["epoch_squared"]));
        Assert.Equal([true, true, true], seen);
        Assert.Contains(VaeLoss.Kl, epochs[0].Terms.Keys);
    }
}
