using LatentWorkbench.Kernels;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Optim;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) with PyTorch's update: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
/// p ← p − lr·m̂ / (√v̂ + ε) with bias-corrected m̂, v̂. Weight decay adds wd·p to g (L2, coupled).
/// </summary>
/// <remarks>Moment buffers are allocated once here, so steps allocate nothing.</remarks>
public class Adam : Optimizer
{
    private readonly float[][] _m;
    private readonly float[][] _v;

    /// <summary>Creates the optimizer (PyTorch defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8).</summary>
    public Adam(IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
        : base(parameters, learningRate)
    {
        Beta1 = InRange(beta1, 0f, 1f, nameof(beta1));
        Beta2 = InRange(beta2, 0f, 1f, nameof(beta2));
        Epsilon = InRange(epsilon, 0f, float.PositiveInfinity, nameof(epsilon));
        WeightDecay = InRange(weightDecay, 0f, float.PositiveInfinity, nameof(weightDecay));
        _m = [.. Parameters.Select(p => new float[p.Length])];
        _v = [.. Parameters.Select(p => new float[p.Length])];
    }

    /// <summary>β₁.</summary>
    public float Beta1 { get; }

    /// <summary>β₂.</summary>
    public float Beta2 { get; }

    /// <summary>ε.</summary>
    public float Epsilon { get; }

    /// <summary>Weight decay.</summary>
    public float WeightDecay { get; }

    /// <summary>Whether weight decay is decoupled from the gradient (AdamW).</summary>
    protected virtual bool DecoupledWeightDecay => false;

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        float bc1 = 1f - MathF.Pow(Beta1, StepCount);
        float bc2 = 1f - MathF.Pow(Beta2, StepCount);
        TensorKernels.AdamUpdateParallel(
            parameter, gradient, _m[index], _v[index], LearningRate, Beta1, Beta2, Epsilon, bc1, bc2,
            DecoupledWeightDecay ? 0f : WeightDecay, DecoupledWeightDecay ? WeightDecay : 0f);
    }
}
