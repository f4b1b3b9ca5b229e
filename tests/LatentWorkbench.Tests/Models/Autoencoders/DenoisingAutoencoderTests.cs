using LatentWorkbench.Models.Autoencoders;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Autoencoders;

[Collection(GlobalTorchGeneratorCollection.Name)]
public sealed class DenoisingAutoencoderTests : AutoencoderContract
{
    private static readonly MlpAutoencoderConfig Small = new(InputSize: 12, CodeSize: 3, HiddenSizes: [7], Activation: HiddenActivation.Relu);

    protected override int InputSize => Small.InputSize;

    protected override IAutoencoder Create(long seed)
    {
        torch.manual_seed(seed);
        return new DenoisingAutoencoder(new MlpAutoencoder(Small), new DenoisingOptions(NoiseKind.Masking, 0.5, Seed: 1));
    }

    [Fact]
    public void State_Dict_Names_Are_Those_Of_The_Wrapped_Model()
    {
        var model = (DenoisingAutoencoder)Create(0);
        Assert.Equal(new MlpAutoencoder(Small).state_dict().Keys, model.Module.state_dict().Keys);
    }

    [Theory]
    [InlineData(NoiseKind.Gaussian)]
    [InlineData(NoiseKind.Masking)]
    [InlineData(NoiseKind.SaltAndPepper)]
    public void Noise_Is_Applied_Only_In_Training_Mode(NoiseKind kind)
    {
        var model = new DenoisingAutoencoder(new MlpAutoencoder(Small), new DenoisingOptions(kind, 0.3, Seed: 2));
        using var scope = torch.NewDisposeScope();
        var x = Inputs(5);
        model.Module.eval();
        Assert.True(model.TrainingInput(x).equal(x).all().item<bool>());
        double evalLoss = model.Loss(x).Total.item<float>();
        Assert.Equal(model.Autoencoder.Loss(x).Total.item<float>(), evalLoss);
        model.Module.train();
        Assert.False(model.TrainingInput(x).equal(x).all().item<bool>());
        Assert.NotEqual(evalLoss, model.Loss(x).Total.item<float>());
    }

    [Fact]
    public void The_Noise_Is_Seeded_And_Leaves_The_Global_Generator_Alone()
    {
        using var scope = torch.NewDisposeScope();
        var x = Inputs(6);
        DenoisingAutoencoder Make(long seed)
        {
            var model = new DenoisingAutoencoder(new MlpAutoencoder(Small), new DenoisingOptions(NoiseKind.SaltAndPepper, 0.4, seed));
            model.Module.train();
            return model;
        }

        var a = Make(7);
        var b = Make(7);
        var first = a.TrainingInput(x);
        Assert.True(first.equal(b.TrainingInput(x)).all().item<bool>());
        Assert.True(a.TrainingInput(x).equal(b.TrainingInput(x)).all().item<bool>());
        Assert.False(first.equal(a.TrainingInput(x)).all().item<bool>(), "a second batch draws new noise");
        Assert.False(first.equal(Make(8).TrainingInput(x)).all().item<bool>());

        var c = Make(7); // built first: initialising its layers draws from the global generator
        torch.manual_seed(11);
        var expected = torch.rand(3);
        torch.manual_seed(11);
        c.TrainingInput(x);
        Assert.True(torch.rand(3).equal(expected).all().item<bool>());
    }

    [Fact]
    public void The_Training_Loss_Reconstructs_The_Clean_Input_From_The_Corrupted_One()
    {
        var options = new DenoisingOptions(NoiseKind.Gaussian, 0.2, Seed: 3);
        torch.manual_seed(0);
        var inner = new MlpAutoencoder(Small);
        var model = new DenoisingAutoencoder(inner, options);
        var twin = new DenoisingAutoencoder(inner, options); // same noise stream, used to replay the corruption
        model.Module.train();
        using var scope = torch.NewDisposeScope();
        var x = Inputs(7);
        var corrupted = twin.TrainingInput(x);
        var expected = AutoencoderLoss.Compute(inner.DecodePreActivation(inner.Encode(corrupted)), x, Small.Loss, OutputActivation.Sigmoid);
        Assert.Equal(expected.Total.item<float>(), model.Loss(x).Total.item<float>(), 4);
    }

    [Theory]
    [InlineData(NoiseKind.Masking, 0.3)]
    [InlineData(NoiseKind.SaltAndPepper, 0.2)]
    [InlineData(NoiseKind.Gaussian, 0.1)]
    public void Each_Noise_Has_The_Documented_Level(NoiseKind kind, double level)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(5);
        var x = torch.full([200, 100], 0.5f);
        var noisy = Corruption.Apply(x, kind, level, generator);
        double changed = noisy.ne(x).to_type(torch.float32).mean().item<float>();
        double tolerance = 4 * Math.Sqrt(level * (1 - level) / x.numel()); // four binomial standard errors
        switch (kind)
        {
            case NoiseKind.Masking:
                Assert.InRange(changed, level - tolerance, level + tolerance);
                Assert.True(noisy.eq(0).logical_or(noisy.eq(0.5f)).all().item<bool>());
                break;
            case NoiseKind.SaltAndPepper:
                Assert.InRange(changed, level - tolerance, level + tolerance);
                double salt = noisy.eq(1).to_type(torch.float32).mean().item<float>();
                Assert.InRange(salt, (level / 2) - tolerance, (level / 2) + tolerance);
                break;
            default:
                Assert.Equal(level, (noisy - x).std().item<float>(), 2);
                break;
        }
    }

    [Fact]
    public void A_Level_Out_Of_Range_Names_The_Field()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DenoisingAutoencoder(new MlpAutoencoder(Small), new DenoisingOptions(NoiseKind.Masking, 1.5)));
        Assert.Equal("Level", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new DenoisingOptions(NoiseKind.Gaussian, -0.1).Validate());
        Assert.Equal("Level", e.ParamName);
    }
}
