using LatentWorkbench.Models.Gans;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Gans;

public sealed class GanTests : AdversarialModelContract<Gan>
{
    private static readonly GanConfig Small = new(InputSize: 6, NoiseSize: 3, HiddenSize: 4);

    protected override int InputSize => Small.InputSize;

    protected override Gan Create(long seed)
    {
        torch.manual_seed(seed);
        return new Gan(Small);
    }

    protected override torch.Tensor Generate(Gan model, long count, torch.Generator noise) => model.Sample(count, noise);

    private static float[] Weights(torch.nn.Module module) => [.. module.parameters().SelectMany(p => p.detach().flatten().data<float>().ToArray())];

    [Fact]
    public void Samples_Are_Pixels_In_The_Unit_Interval_And_Repeat_With_The_Same_Noise_Seed()
    {
        torch.manual_seed(0);
        var gan = new Gan(Small);
        using var scope = torch.NewDisposeScope();
        using var first = new torch.Generator(5);
        using var second = new torch.Generator(5);
        var a = gan.Sample(7, first);
        Assert.Equal([7, 6], a.shape);
        Assert.True(a.min().item<float>() >= 0 && a.max().item<float>() <= 1);
        Assert.Equal(a.data<float>().ToArray(), gan.Sample(7, second).data<float>().ToArray());
    }

    [Fact]
    public void A_Spectrally_Normalised_Discriminator_Changes_Its_Logit_No_Faster_Than_Its_Input()
    {
        torch.manual_seed(0);
        var gan = new Gan(Small with { SpectralNorm = true, HiddenSize = 8 });
        using var scope = torch.NewDisposeScope();
        var x = torch.rand([16, 6], generator: new torch.Generator(5));
        var y = torch.rand([16, 6], generator: new torch.Generator(6));
        using (torch.no_grad())
        {
            foreach (var p in gan.Discriminator.parameters())
            {
                p.mul_(100);   // a plain discriminator this steep would change its logit far faster than its input
            }

            gan.train();
            for (int i = 0; i < 100; i++)
            {
                gan.Score(x);   // power iteration converges on each layer's σ
            }
        }

        gan.eval();
        using var noGrad = torch.no_grad();
        var logitChange = (gan.Score(x) - gan.Score(y)).abs();
        var inputChange = (x - y).square().sum(1).sqrt();
        Assert.True((logitChange <= (inputChange * 1.01) + 1e-4).all().item<bool>(), "every layer is 1-Lipschitz, so the discriminator is too");
    }

    [Fact]
    public void Discriminator_Dropout_Acts_In_Training_Only()
    {
        torch.manual_seed(0);
        var gan = new Gan(Small with { DiscriminatorDropout = 0.5 });
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var examples = torch.rand([16, 6], generator: new torch.Generator(4));
        gan.train();
        Assert.NotEqual(gan.Score(examples).data<float>().ToArray(), gan.Score(examples).data<float>().ToArray());
        gan.eval();
        Assert.Equal(gan.Score(examples).data<float>().ToArray(), gan.Score(examples).data<float>().ToArray());
    }

    [Fact]
    public void The_Discriminator_Loss_Is_Two_Log_Two_Per_Example_When_It_Cannot_Tell()
    {
        // A discriminator with zero weights gives logit 0 to everything: −log ½ for the real and for the fake half.
        torch.manual_seed(0);
        var gan = new Gan(Small);
        using (torch.no_grad())
        {
            foreach (var p in gan.Discriminator.parameters())
            {
                p.zero_();
            }
        }

        using var scope = torch.NewDisposeScope();
        var loss = gan.DiscriminatorLoss(torch.rand([8, 6]));
        Assert.Equal(2 * 8 * Math.Log(2), loss.Total.item<float>(), 3);
        Assert.Equal(8 * Math.Log(2), gan.GeneratorLoss(8).Total.item<float>(), 3);
        Assert.Equal(8 * 0.5, loss.Terms.Single(t => t.Key == Gan.RealScoreTerm).Value.item<float>(), 4);
    }

    [Fact]
    public void Each_Step_Moves_Only_The_Network_Its_Optimiser_Owns()
    {
        torch.manual_seed(1);
        var gan = new Gan(Small);
        var (discriminatorOptimizer, generatorOptimizer) = gan.CreateOptimizers();
        var generatorBefore = Weights(gan.Generator);
        var discriminatorBefore = Weights(gan.Discriminator);
        using var scope = torch.NewDisposeScope();
        discriminatorOptimizer.zero_grad();
        gan.DiscriminatorLoss(torch.rand([8, 6])).Total.backward();
        discriminatorOptimizer.step();
        Assert.Equal(generatorBefore, Weights(gan.Generator));
        Assert.NotEqual(discriminatorBefore, Weights(gan.Discriminator));
        var discriminatorAfter = Weights(gan.Discriminator);
        generatorOptimizer.zero_grad();
        gan.GeneratorLoss(8).Total.backward();
        generatorOptimizer.step();
        Assert.NotEqual(generatorBefore, Weights(gan.Generator));
        Assert.Equal(discriminatorAfter, Weights(gan.Discriminator));
    }

    [Fact]
    public void The_Trainer_Fits_Both_Networks_And_Reports_Both_Losses()
    {
        torch.manual_seed(2);
        var gan = new Gan(Small);
        var (d, g) = gan.CreateOptimizers();
        using var data = torch.rand([32, 6]);
        var epochs = new Trainer(new TrainerOptions { Epochs = 2, BatchSize = 8 }).Fit(gan, d, g, data);
        Assert.Equal(2, epochs.Count);
        Assert.All(epochs, e => Assert.True(double.IsFinite(e.TrainLoss)));
        Assert.Equal([Gan.DiscriminatorTerm, Gan.RealScoreTerm, Gan.GeneratorTerm], epochs[0].Terms.Keys);
        Assert.Equal(epochs[0].Terms[Gan.DiscriminatorTerm] + epochs[0].Terms[Gan.GeneratorTerm], epochs[0].TrainLoss, 4);
        Assert.False(gan.training);
    }

    [Fact]
    public void Invalid_Settings_Name_The_Field()
    {
        Assert.Throws<ArgumentOutOfRangeException>("DiscriminatorDropout", () => new GanConfig(DiscriminatorDropout: 1).Validate());
        Assert.Throws<ArgumentOutOfRangeException>("GeneratorLearningRate", () => new GanConfig(GeneratorLearningRate: 0).Validate());
        Assert.Throws<ArgumentOutOfRangeException>("Beta1", () => new GanConfig(Beta1: 1).Validate());
    }
}
