using TorchSharp;

namespace LatentWorkbench.Models.Autoencoders;

/// <summary>The input corruptions of a denoising autoencoder as pure functions of (x, generator).</summary>
public static class Corruption
{
    /// <summary>A corrupted copy of <paramref name="x"/> (any shape), drawing from <paramref name="generator"/> (on x's device).</summary>
    /// <remarks>
    /// Gaussian: x + σε. Masking: x ⊙ m, m ~ Bernoulli(1 − ν). Salt-and-pepper: where u &lt; ν (u ~ U(0,1)) the pixel
    /// becomes s ~ Bernoulli(½) ∈ {0, 1}, elsewhere it is kept.
    /// </remarks>
    public static torch.Tensor Apply(torch.Tensor x, NoiseKind kind, double level, torch.Generator generator)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(generator);
        switch (kind)
        {
            case NoiseKind.Gaussian:
                return x + (level * torch.randn(x.shape, dtype: x.dtype, device: x.device, generator: generator));
            case NoiseKind.Masking:
                var keep = torch.rand(x.shape, dtype: x.dtype, device: x.device, generator: generator) >= level;
                return x * keep.to_type(x.dtype);
            case NoiseKind.SaltAndPepper:
                var hit = torch.rand(x.shape, dtype: x.dtype, device: x.device, generator: generator) < level;
                var salt = (torch.rand(x.shape, dtype: x.dtype, device: x.device, generator: generator) < 0.5).to_type(x.dtype);
                return torch.where(hit, salt, x);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected Gaussian, Masking or SaltAndPepper.");
        }
    }
}
