using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>The seed VAE's loss terms: Bernoulli reconstruction (binary cross-entropy) and the KL to the standard normal prior.</summary>
public static class VaeLoss
{
    /// <summary>Name of the reconstruction term in <see cref="ModelLoss.Terms"/>.</summary>
    public const string Reconstruction = "reconstruction";

    /// <summary>Name of the KL term in <see cref="ModelLoss.Terms"/>.</summary>
    public const string Kl = "kl";

    /// <summary>Σ BCE(sigmoid(logits), x) over the batch and pixels, fused with the sigmoid for stability (the example's <c>binary_cross_entropy(..., reduction='sum')</c>).</summary>
    public static torch.Tensor ReconstructionSum(torch.Tensor logits, torch.Tensor x) =>
        torch.nn.functional.binary_cross_entropy_with_logits(logits, x, reduction: torch.nn.Reduction.Sum);

    /// <summary>Σ KL(q(z|x) ‖ N(0, I)) over the batch.</summary>
    public static torch.Tensor KlSum(GaussianPosterior posterior) => posterior.KlPerDimension().sum();

    /// <summary>BCE + β·KL summed over the batch, with both terms reported.</summary>
    public static ModelLoss Elbo(torch.Tensor logits, torch.Tensor x, GaussianPosterior posterior, double beta = 1.0)
    {
        var reconstruction = ReconstructionSum(logits, x);
        var kl = KlSum(posterior);
        var total = beta == 1.0 ? reconstruction + kl : reconstruction + (beta * kl);
        return new ModelLoss(total, [new(Reconstruction, reconstruction), new(Kl, kl)]);
    }
}
