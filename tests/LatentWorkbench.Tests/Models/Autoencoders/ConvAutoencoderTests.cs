using LatentWorkbench.Models.Autoencoders;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Autoencoders;

public sealed class ConvAutoencoderTests : AutoencoderContract
{
    private static readonly ConvAutoencoderConfig Small = new(ImageSide: 8, FirstChannels: 8, SecondChannels: 8, CodeSize: 2);

    protected override int InputSize => Small.InputSize;

    protected override IAutoencoder Create(long seed)
    {
        torch.manual_seed(seed);
        return new ConvAutoencoder(Small);
    }

    [Fact]
    public void Parameter_Names_And_Shapes_Are_PyTorchs()
    {
        var shapes = new ConvAutoencoder(Small).state_dict().ToDictionary(p => p.Key, p => p.Value.shape);
        Assert.Equal(
            ["encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias", "bottleneck.weight", "bottleneck.bias",
             "expand.weight", "expand.bias", "decoder.1.weight", "decoder.1.bias", "decoder.3.weight", "decoder.3.bias"],
            shapes.Keys);
        Assert.Equal([8L, 1, 3, 3], shapes["encoder.0.weight"]);
        Assert.Equal([2L, 8 * 2 * 2], shapes["bottleneck.weight"]);
        Assert.Equal([8L, 8, 3, 3], shapes["decoder.1.weight"]); // ConvTranspose2d: [in, out, kH, kW]
    }

    [Fact]
    public void Default_Takes_Flattened_Mnist_Images()
    {
        torch.manual_seed(0);
        var model = new ConvAutoencoder();
        using var scope = torch.NewDisposeScope();
        Assert.Equal([2L, 784], model.Reconstruct(torch.rand(2, 784)).shape);
    }

    [Fact]
    public void A_Side_Not_Divisible_By_Four_Names_The_Field()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ConvAutoencoder(Small with { ImageSide = 10 }));
        Assert.Equal("ImageSide", e.ParamName);
    }
}
