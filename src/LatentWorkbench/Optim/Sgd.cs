using LatentWorkbench.Kernels;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum, Nesterov momentum (Sutskever et al. 2013) and L2 weight
/// decay, in PyTorch's form: buf ← μ·buf + (1 − dampening)·g; p ← p − lr·(g + μ·buf if Nesterov else buf).
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly float[][] _momentumBuffers;

    /// <summary>Creates the optimizer.</summary>
    public Sgd(IEnumerable<Tensor> parameters, float learningRate, float momentum = 0f, float dampening = 0f, float weightDecay = 0f, bool nesterov = false)
        : base(parameters, learningRate)
    {
        Momentum = InRange(momentum, 0f, float.PositiveInfinity, nameof(momentum));
        Dampening = InRange(dampening, 0f, 1.0000001f, nameof(dampening));
        WeightDecay = InRange(weightDecay, 0f, float.PositiveInfinity, nameof(weightDecay));
        if (nesterov && (momentum <= 0f || dampening != 0f))
        {
            throw new ArgumentException("Nesterov momentum needs momentum > 0 and dampening = 0.", nameof(nesterov));
        }

        Nesterov = nesterov;
        _momentumBuffers = [.. Parameters.Select(p => momentum > 0f ? new float[p.Length] : [])];
    }

    /// <summary>μ.</summary>
    public float Momentum { get; }

    /// <summary>Dampening of the momentum buffer.</summary>
    public float Dampening { get; }

    /// <summary>L2 weight decay.</summary>
    public float WeightDecay { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient) =>
        TensorKernels.SgdUpdate(parameter, gradient, _momentumBuffers[index], StepCount == 1, LearningRate, Momentum, Dampening, WeightDecay, Nesterov);
}
