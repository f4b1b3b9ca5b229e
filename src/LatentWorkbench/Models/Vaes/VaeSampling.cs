using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>What a trained VAE draws and sees: samples from the prior, reconstructions, posterior means, the decoded 2-D manifold.</summary>
/// <remarks>Every method runs in eval mode without gradients, on the model's device; results are [N, …] tensors.</remarks>
public static class VaeSampling
{
    /// <summary>Decoded pixel means of <paramref name="count"/> draws z ~ N(0, I) from a generator seeded with <paramref name="seed"/>: [count, input].</summary>
    public static torch.Tensor PriorSamples(IVariationalAutoencoder model, int count, long seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var device = DeviceOf(model);
        model.Module.eval();
        using var noGrad = torch.no_grad();
        using var generator = new torch.Generator((ulong)seed, device);
        using var z = torch.randn([count, model.LatentSize], device: device, generator: generator);
        return model.Decode(z);
    }

    /// <summary>Decode(μ(x)) for each row of <paramref name="x"/> ([N, input], any device): the posterior mean's reconstruction, [N, input].</summary>
    public static torch.Tensor Reconstruct(IVariationalAutoencoder model, torch.Tensor x)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        model.Module.eval();
        using var noGrad = torch.no_grad();
        using var onDevice = x.to(DeviceOf(model));
        return model.Decode(model.Encode(onDevice).Mean);
    }

    /// <summary>μ of q(z|x) for each row of <paramref name="x"/> ([N, input], any device), encoded <paramref name="batchSize"/> rows at a time: [N, latent] on the CPU.</summary>
    public static torch.Tensor PosteriorMeans(IVariationalAutoencoder model, torch.Tensor x, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        model.Module.eval();
        var device = DeviceOf(model);
        return Batches.Concat(x.shape[0], batchSize, (start, count) => model.Encode(x.narrow(0, start, count).to(device)).Mean.cpu());
    }

    /// <summary>Φ⁻¹((i + ½)/n), i = 0 … n − 1: n points of N(0, 1) at equal probability steps (Kingma &amp; Welling 2014, Fig. 4).</summary>
    public static double[] StandardNormalQuantiles(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return [.. Enumerable.Range(0, n).Select(i => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (i + 0.5) / n))];
    }

    /// <summary>
    /// The decoded manifold of a 2-latent VAE: the decoder's pixel means on a <paramref name="side"/> × <paramref name="side"/>
    /// grid of z = (Φ⁻¹(uⱼ), Φ⁻¹(uᵢ)), row i (top to bottom: z₂ falling), column j (z₁ rising); [side², input].
    /// </summary>
    /// <remarks>The inverse-CDF grid spaces the points by prior probability, so each cell covers the same prior mass.</remarks>
    /// <exception cref="ArgumentException">The model's latent space is not 2-dimensional.</exception>
    public static torch.Tensor ManifoldGrid(IVariationalAutoencoder model, int side)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.LatentSize != 2)
        {
            throw new ArgumentException($"The manifold grid needs a 2-latent VAE; this one has {model.LatentSize} latent dimensions.", nameof(model));
        }

        double[] q = StandardNormalQuantiles(side);
        var z = new float[side * side * 2];
        for (int i = 0; i < side; i++)
        {
            for (int j = 0; j < side; j++)
            {
                z[2 * ((i * side) + j)] = (float)q[j];
                z[(2 * ((i * side) + j)) + 1] = (float)q[side - 1 - i];
            }
        }

        model.Module.eval();
        using var noGrad = torch.no_grad();
        using var latent = torch.tensor(z, [side * side, 2]).to(DeviceOf(model));
        return model.Decode(latent);
    }

    private static torch.Device DeviceOf(IVariationalAutoencoder model) =>
        model.Module.parameters().Select(p => p.device).FirstOrDefault() ?? torch.CPU;
}
