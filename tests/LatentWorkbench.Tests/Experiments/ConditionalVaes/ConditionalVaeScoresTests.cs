using LatentWorkbench.Compute;
using LatentWorkbench.Experiments.ConditionalVaes;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Experiments.ConditionalVaes;

public sealed class ConditionalVaeScoresTests
{
    private static readonly ConditionalVaeConfig Small = new(InputSize: 16, Classes: 3, HiddenSize: 8, LatentSize: 2);

    public ConditionalVaeScoresTests() => TorchRuntime.EnsureInitialized();

    // Every weight zero: μ = 0 for every digit, so the code says nothing about the label.
    private static ConditionalVae Silent()
    {
        var model = new ConditionalVae(Small);
        using (torch.no_grad())
        {
            foreach (var (_, p) in model.named_parameters())
            {
                p.zero_();
            }
        }

        return model;
    }

    private static (torch.Tensor Images, torch.Tensor Labels) Digits(int count, ulong seed)
    {
        using var generator = new torch.Generator(seed);
        return (torch.rand([count, Small.InputSize], generator: generator), torch.arange(count, dtype: torch.int64) % Small.Classes);
    }

    [Fact]
    public void The_Probe_Reads_The_Label_From_A_Code_That_Copies_It()
    {
        // fc1 passes the one-hot of labels 0 and 1 to hidden units 0 and 1, fc21 copies them into μ: the classes sit at
        // (1, 0), (0, 1) and (0, 0), and the probe reads every label.
        var model = Silent();
        using (torch.no_grad())
        {
            model.get_parameter("fc1.weight")![0, Small.InputSize] = 1;
            model.get_parameter("fc1.weight")![1, Small.InputSize + 1] = 1;
            model.get_parameter("fc21.weight")![0, 0] = 1;
            model.get_parameter("fc21.weight")![1, 1] = 1;
        }

        var (fit, fitLabels) = Digits(30, 1);
        var (test, testLabels) = Digits(15, 2);
        Assert.Equal(1.0, ConditionalVaeScores.LabelProbe(model, fit, fitLabels, test, testLabels, k: 3));
    }

    [Fact]
    public void The_Probe_Is_Near_Chance_When_The_Code_Holds_No_Label()
    {
        var (fit, fitLabels) = Digits(30, 1);
        var (test, testLabels) = Digits(15, 2);
        double accuracy = ConditionalVaeScores.LabelProbe(Silent(), fit, fitLabels, test, testLabels, k: 3);
        Assert.True(accuracy <= 0.5, $"identical codes cannot tell three balanced classes apart: {accuracy}");
    }
}
