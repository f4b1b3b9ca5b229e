using LatentWorkbench.Compute;
using LatentWorkbench.Latent;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Latent;

public sealed class LatentCodecTests
{
    private static readonly VaeConfig SmallVae = new(InputSize: 16, HiddenSize: 8, LatentSize: 3);
    private static readonly ConditionalVaeConfig SmallCvae = new(InputSize: 16, Classes: 4, HiddenSize: 8, LatentSize: 3);

    public LatentCodecTests() => TorchRuntime.EnsureInitialized();

    private static torch.Tensor Images(long rows, ulong seed = 1)
    {
        using var generator = new torch.Generator(seed);
        return torch.rand([rows, 16], generator: generator);
    }

    [Fact]
    public void A_Vae_Codec_Gives_The_Posterior_Mean_And_Sigma_In_Batches_And_Decodes_Like_The_Model()
    {
        var vae = new Vae(SmallVae);
        var codec = LatentCodec.Of(vae);
        using var x = Images(LatentCodec.BatchSize + 7);   // two batches

        using var codes = codec.Encode(x);
        using var sigma = codec.PosteriorStd(x);
        using var decoded = codec.Decode(codes);

        using var noGrad = torch.no_grad();
        var posterior = vae.Encode(x);
        Assert.True(codec.HasPosterior);
        Assert.Equal(3, codec.LatentSize);
        Assert.True(codes.allclose(posterior.Mean, atol: 1e-6));
        Assert.True(sigma!.allclose((0.5 * posterior.LogVariance).exp(), atol: 1e-6));
        Assert.True(decoded.allclose(((IVariationalAutoencoder)vae).Decode(posterior.Mean), atol: 1e-6));
    }

    [Fact]
    public void An_Autoencoder_Codec_Gives_The_Code_And_No_Posterior()
    {
        var ae = new MlpAutoencoder(new MlpAutoencoderConfig(InputSize: 16, CodeSize: 2, HiddenSizes: [8]));
        var codec = LatentCodec.Of(ae);
        using var x = Images(5);
        using var noGrad = torch.no_grad();
        Assert.False(codec.HasPosterior);
        Assert.Null(codec.PosteriorStd(x));
        Assert.True(codec.Encode(x).allclose(ae.Encode(x), atol: 1e-6));
        Assert.True(codec.Decode(codec.Encode(x)).allclose(ae.Reconstruct(x), atol: 1e-6));
    }

    [Fact]
    public void A_Conditional_Codec_Needs_Labels_And_Decodes_With_The_Label_Given()
    {
        var cvae = new ConditionalVae(SmallCvae);
        var codec = LatentCodec.Of(cvae);
        using var x = Images(4);
        using var labels = torch.tensor(new long[] { 0, 1, 2, 3 });
        Assert.True(codec.IsConditional);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => codec.Encode(x)).ParamName);

        using var codes = codec.Encode(x, labels);
        using var asTwo = codec.Decode(codes, 2);
        using var twos = torch.full([4], 2L);
        using var noGrad = torch.no_grad();
        Assert.True(codes.allclose(cvae.Encode(x, labels).Mean, atol: 1e-6));
        Assert.True(asTwo.allclose(cvae.Decode(codes, twos), atol: 1e-6));
        Assert.False(asTwo.allclose(codec.Decode(codes, 3), atol: 1e-6));
    }

    [Fact]
    public void Style_Transfer_Renders_Every_Style_As_Every_Class_In_Class_Rows()
    {
        var cvae = new ConditionalVae(SmallCvae);
        using var x = Images(3);
        using var labels = torch.tensor(new long[] { 2, 0, 1 });

        var grid = StyleTransfer.Render(cvae, x, labels);

        Assert.Equal(3, grid.Columns);
        Assert.Equal([12L, 16], grid.Images.shape);
        Assert.Equal([0L, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3], grid.Targets.data<long>().ToArray());
        using var noGrad = torch.no_grad();
        var codes = cvae.Encode(x, labels).Mean;
        using var threes = torch.full([3], 3L);
        Assert.True(grid.Images.narrow(0, 9, 3).allclose(cvae.Decode(codes, threes), atol: 1e-6));

        var prior = StyleTransfer.FromPrior(cvae, count: 2, seed: 4);
        var again = StyleTransfer.FromPrior(cvae, count: 2, seed: 4);
        Assert.Equal([8L, 16], prior.Images.shape);
        Assert.True(prior.Images.allclose(again.Images, rtol: 0, atol: 0));
    }
}
