using LatentWorkbench.Models.Autoencoders;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Autoencoders;

public sealed class MlpAutoencoderTests : AutoencoderContract
{
    private static readonly MlpAutoencoderConfig Small = new(InputSize: 12, CodeSize: 3, HiddenSizes: [7, 5]);

    protected override int InputSize => Small.InputSize;

    protected override IAutoencoder Create(long seed)
    {
        torch.manual_seed(seed);
        return new MlpAutoencoder(Small);
    }

    [Fact]
    public void Parameter_Names_Are_Those_Of_Two_PyTorch_Sequentials()
    {
        var names = new MlpAutoencoder(Small).state_dict().Keys;
        string[] layers = ["encoder.0", "encoder.2", "encoder.4", "decoder.0", "decoder.2", "decoder.4"];
        Assert.Equal(layers.SelectMany(l => new[] { l + ".weight", l + ".bias" }), names);
    }

    [Fact]
    public void The_Default_Is_Hinton_And_Salakhutdinovs_784_1000_500_250_30_Network()
    {
        var model = new MlpAutoencoder();
        var shapes = model.state_dict().Where(p => p.Key.EndsWith(".weight", StringComparison.Ordinal)).Select(p => p.Value.shape).ToArray();
        long[][] expected = [[1000, 784], [500, 1000], [250, 500], [30, 250], [250, 30], [500, 250], [1000, 500], [784, 1000]];
        Assert.Equal(expected, shapes);
        Assert.Equal(HiddenActivation.Sigmoid, model.Config.Activation);
        // The code layer is linear: no activation module after encoder.6.
        Assert.Equal(7, model.named_children().Single(c => c.name == "encoder").module.children().Count());
    }

    [Theory]
    [InlineData(ReconstructionLoss.BinaryCrossEntropy)]
    [InlineData(ReconstructionLoss.SquaredError)]
    public void Loss_Matches_A_Hand_Computed_Value(ReconstructionLoss kind)
    {
        // All weights zero and the last decoder bias 1: every pixel decodes to sigmoid(1), whatever the input.
        var model = ZeroModel(Small with { Loss = kind });
        using var x = torch.full([4, Small.InputSize], 0.25f);
        double sigmoidOne = 1 / (1 + Math.Exp(-1));
        double perPixel = kind == ReconstructionLoss.BinaryCrossEntropy
            ? Math.Log(1 + Math.E) - 0.25 // softplus(1) − x·1
            : Math.Pow(0.25 - sigmoidOne, 2);
        Assert.Equal(4 * Small.InputSize * perPixel, model.Loss(x).Total.item<float>(), 3);
    }

    [Fact]
    public void Squared_Error_Per_Image_Is_The_Sum_Over_Pixels_Averaged_Over_Images()
    {
        var model = ZeroModel(Small);
        using var x = torch.full([10, Small.InputSize], 0.25f);
        double sigmoidOne = 1 / (1 + Math.Exp(-1));
        double expected = Small.InputSize * Math.Pow(0.25 - sigmoidOne, 2);
        Assert.Equal(expected, AutoencoderLoss.SquaredErrorPerImage(model, x, batchSize: 3), 5);
    }

    [Fact]
    public void Invalid_Sizes_Name_The_Field()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MlpAutoencoder(Small with { HiddenSizes = [7, 0] }));
        Assert.Equal("HiddenSizes", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new MlpAutoencoder(Small with { CodeSize = 0 }));
        Assert.Equal("CodeSize", e.ParamName);
    }

    private static MlpAutoencoder ZeroModel(MlpAutoencoderConfig config)
    {
        var model = new MlpAutoencoder(config);
        using (torch.no_grad())
        {
            foreach (var (_, p) in model.named_parameters())
            {
                p.zero_();
            }

            model.get_parameter("decoder.4.bias")!.fill_(1.0);
        }

        return model;
    }
}
