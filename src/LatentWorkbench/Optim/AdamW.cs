using LatentWorkbench.Tensors;

namespace LatentWorkbench.Optim;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter 2019): Adam whose weight decay is decoupled, p ← p·(1 − lr·wd) before the Adam step.
/// </summary>
/// <remarks>Creates the optimizer (PyTorch defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.01).</remarks>
public sealed class AdamW(IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0.01f)
    : Adam(parameters, learningRate, beta1, beta2, epsilon, weightDecay)
{
    /// <inheritdoc/>
    protected override bool DecoupledWeightDecay => true;
}
