using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>
/// Batch normalization over the channel axis (axis 1): γ = 1, β = 0, running mean 0 and variance 1 at start,
/// momentum 0.1, ε = 1e-5 (PyTorch's defaults). Batch statistics in training mode, running ones in evaluation mode.
/// </summary>
public abstract class BatchNormBase : Module
{
    private readonly float _momentum;
    private readonly float _epsilon;
    private readonly int _rank;

    /// <summary>Creates the layer for inputs of the given rank.</summary>
    private protected BatchNormBase(int features, int rank, float momentum, float epsilon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        (_rank, _momentum, _epsilon) = (rank, momentum, epsilon);
        Weight = RegisterParameter("weight", Tensor.Ones(features));
        Bias = RegisterParameter("bias", Tensor.Zeros(features));
        RunningMean = RegisterBuffer("running_mean", Tensor.Zeros(features));
        RunningVariance = RegisterBuffer("running_var", Tensor.Ones(features));
    }

    /// <summary>γ [C].</summary>
    public Tensor Weight { get; }

    /// <summary>β [C].</summary>
    public Tensor Bias { get; }

    /// <summary>Running mean [C] (a buffer, saved in the state dict).</summary>
    public Tensor RunningMean { get; }

    /// <summary>Running variance [C] (a buffer, saved in the state dict).</summary>
    public Tensor RunningVariance { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != _rank)
        {
            throw new ArgumentException($"{GetType().Name} expects rank-{_rank} input; got rank {input.Rank}.", nameof(input));
        }

        return Functional.BatchNorm(input, Weight, Bias, RunningMean, RunningVariance, IsTraining, _momentum, _epsilon);
    }
}

/// <summary>Batch normalization of [N, C] features.</summary>
/// <remarks>Creates the layer.</remarks>
public sealed class BatchNorm1d(int features, float momentum = 0.1f, float epsilon = 1e-5f) : BatchNormBase(features, 2, momentum, epsilon);

/// <summary>Batch normalization of [N, C, H, W] feature maps (statistics over N, H, W).</summary>
/// <remarks>Creates the layer.</remarks>
public sealed class BatchNorm2d(int features, float momentum = 0.1f, float epsilon = 1e-5f) : BatchNormBase(features, 4, momentum, epsilon);
