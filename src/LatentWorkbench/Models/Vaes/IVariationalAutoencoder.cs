using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// What every VAE of the workbench offers (encode to q(z|x), decode, loss terms reported separately), so the
/// notebooks, diagnostics and likelihood estimators work for any of them.
/// </summary>
public interface IVariationalAutoencoder : ITrainableModel
{
    /// <summary>Latent dimensions.</summary>
    int LatentSize { get; }

    /// <summary>q(z|x) for a batch of flattened images [B, input].</summary>
    GaussianPosterior Encode(torch.Tensor x);

    /// <summary>Bernoulli logits of p(x|z), [B, input]; <see cref="Decode"/> is their sigmoid.</summary>
    torch.Tensor DecodeLogits(torch.Tensor z);

    /// <summary>Decoded pixel means in [0, 1], [B, input].</summary>
    torch.Tensor Decode(torch.Tensor z) => DecodeLogits(z).sigmoid();
}
