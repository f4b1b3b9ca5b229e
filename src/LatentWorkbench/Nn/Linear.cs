using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>
/// Fully connected layer y = x·Wᵀ + b: x [N, in] → y [N, out]; W [out, in], b [out].
/// </summary>
/// <remarks>PyTorch's default initialization: W and b ~ U(−1/√in, 1/√in) (kaiming_uniform with a = √5).</remarks>
public sealed class Linear : Module
{
    /// <summary>Creates the layer and initializes it from <paramref name="random"/>.</summary>
    public Linear(int inFeatures, int outFeatures, TensorRandom random, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        ArgumentNullException.ThrowIfNull(random);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Tensor.Zeros(outFeatures, inFeatures));
        Init.KaimingUniform(Weight, random, inFeatures);
        if (bias)
        {
            Bias = RegisterParameter("bias", Tensor.Zeros(outFeatures));
            Init.DefaultBias(Bias, random, inFeatures);
        }
    }

    /// <summary>Input features.</summary>
    public int InFeatures { get; }

    /// <summary>Output features.</summary>
    public int OutFeatures { get; }

    /// <summary>W [out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>b [out], or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);
}
