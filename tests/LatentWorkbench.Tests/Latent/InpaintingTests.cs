using LatentWorkbench.Compute;
using LatentWorkbench.Latent;
using LatentWorkbench.Models.Autoencoders;
using TorchSharp;

namespace LatentWorkbench.Tests.Latent;

public sealed class InpaintingTests
{
    public InpaintingTests() => TorchRuntime.EnsureInitialized();

    // A linear autoencoder whose encode-decode is the orthogonal projection onto the span of k orthonormal columns:
    // the iteration then alternates two projections onto subspaces, which converges to their intersection.
    private static (LatentCodec Codec, torch.Tensor Basis) ProjectionCodec(int input, int k, ulong seed)
    {
        using var generator = new torch.Generator(seed);
        var (q, _) = torch.linalg.qr(torch.randn([input, k], generator: generator));
        var model = new LinearAutoencoder(new LinearAutoencoderConfig(InputSize: input, CodeSize: k, CenterInput: false));
        using (torch.no_grad())
        {
            var state = model.state_dict();
            state["encoder.weight"].copy_(q.t());
            state["encoder.bias"].zero_();
            state["decoder.weight"].copy_(q);
            state["decoder.bias"].zero_();
        }

        return (LatentCodec.Of(model), q);
    }

    [Fact]
    public void Bottom_Half_Mask_Hides_The_Lower_Rows()
    {
        using var mask = Inpainting.Mask(MaskRegion.BottomHalf, side: 4).reshape(4, 4);
        Assert.Equal(new float[] { 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, mask.flatten().data<float>().ToArray());
    }

    [Fact]
    public void Centre_Square_Mask_Hides_A_Centred_Square_Of_Half_The_Side()
    {
        using var mask = Inpainting.Mask(MaskRegion.CentreSquare, side: 4);
        Assert.Equal(new float[] { 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1 }, mask.data<float>().ToArray());
        using var mnist = Inpainting.Mask(MaskRegion.CentreSquare);
        Assert.Equal(784 - (14 * 14), mnist.sum().item<float>());
    }

    [Fact]
    public void Compose_Keeps_Observed_Pixels_And_Takes_Hidden_Ones_From_The_Fill()
    {
        using var images = torch.tensor(new float[] { 1, 2, 3, 4 }).reshape(1, 4);
        using var mask = torch.tensor(new float[] { 1, 0, 1, 0 });
        using var fill = torch.tensor(new float[] { 9, 8, 7, 6 });
        using var composed = Inpainting.Compose(images, mask, fill);
        Assert.Equal(new float[] { 1, 8, 3, 6 }, composed.data<float>().ToArray());
    }

    [Fact]
    public void Hidden_Pixel_Error_Counts_Only_Hidden_Pixels()
    {
        using var truth = torch.tensor(new float[] { 0, 0, 0, 0, 1, 1, 1, 1 }).reshape(2, 4);
        using var filled = torch.tensor(new float[] { 5, 1, 5, 0, 1, 1, 1, 0.5f }).reshape(2, 4);
        using var mask = torch.tensor(new float[] { 1, 0, 1, 0 });
        using var error = Inpainting.HiddenPixelError(filled, truth, mask);
        Assert.Equal(new[] { 0.5, 0.125 }, error.data<double>().ToArray());
    }

    [Fact]
    public void Iterating_Recovers_Hidden_Pixels_Of_An_Image_The_Model_Can_Produce()
    {
        var (codec, basis) = ProjectionCodec(input: 16, k: 3, seed: 5);
        using var generator = new torch.Generator(6);
        using var truth = torch.mm(torch.randn([4, 3], generator: generator), basis.t());   // four images inside the model's span
        using var mask = torch.tensor(new float[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0 });
        using var start = torch.zeros(16);

        using var initial = Inpainting.Fill(codec, truth, mask, start, iterations: 0);
        using var few = Inpainting.Fill(codec, truth, mask, start, iterations: 5);
        using var many = Inpainting.Fill(codec, truth, mask, start, iterations: 500);
        double e0 = Inpainting.HiddenPixelError(initial, truth, mask).mean().item<double>();
        double e5 = Inpainting.HiddenPixelError(few, truth, mask).mean().item<double>();
        double e500 = Inpainting.HiddenPixelError(many, truth, mask).mean().item<double>();

        Assert.True(e0 > 0.01, $"the zero start should be wrong: {e0}");
        Assert.True(e5 < e0 && e500 < e5, $"error should fall with iterations: {e0}, {e5}, {e500}");
        Assert.True(e500 < 1e-6, $"10 observed pixels determine a point of a 3-dimensional span: {e500}");
        using var observedBefore = truth * mask;
        using var observedAfter = many * mask;
        Assert.True(observedAfter.allclose(observedBefore, rtol: 0, atol: 0), "observed pixels must come back unchanged");
    }

    [Fact]
    public void Zero_Iterations_Return_The_Initial_Composition()
    {
        var (codec, _) = ProjectionCodec(input: 4, k: 2, seed: 1);
        using var images = torch.tensor(new float[] { 1, 2, 3, 4 }).reshape(1, 4);
        using var mask = torch.tensor(new float[] { 1, 1, 0, 0 });
        using var fill = torch.full(4, 0.5f);
        using var filled = Inpainting.Fill(codec, images, mask, fill, 0);
        Assert.Equal(new float[] { 1, 2, 0.5f, 0.5f }, filled.data<float>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => Inpainting.Fill(codec, images, mask, fill, -1));
    }
}
