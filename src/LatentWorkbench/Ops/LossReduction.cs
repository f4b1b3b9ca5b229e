namespace LatentWorkbench.Ops;

/// <summary>How a loss combines its per-element terms.</summary>
public enum LossReduction
{
    /// <summary>Σ over all elements (the VAE's BCE(sum) + KL(sum)).</summary>
    Sum,

    /// <summary>Σ / number of elements (PyTorch's default).</summary>
    Mean,
}
