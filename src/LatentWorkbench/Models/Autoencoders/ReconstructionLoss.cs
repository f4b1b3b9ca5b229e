namespace LatentWorkbench.Models.Autoencoders;

/// <summary>How an autoencoder scores a reconstruction (summed over pixels and the batch).</summary>
public enum ReconstructionLoss
{
    /// <summary>Σ BCE(sigmoid(pre), x), fused with the sigmoid (<c>binary_cross_entropy_with_logits</c>); needs a sigmoid output.</summary>
    BinaryCrossEntropy,

    /// <summary>Σ (x − x̂)² with x̂ the decoded pixels: the squared error per image Hinton &amp; Salakhutdinov 2006 report.</summary>
    SquaredError,
}
