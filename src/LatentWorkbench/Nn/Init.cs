using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>Weight initializations with PyTorch's formulas (<c>torch.nn.init</c>).</summary>
public static class Init
{
    /// <summary>U(low, high) in place.</summary>
    public static void Uniform(Tensor tensor, TensorRandom random, float low, float high)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(random);
        random.FillUniform(tensor.AsSpan(), low, high);
    }

    /// <summary>
    /// Kaiming (He) uniform: U(−b, b) with b = gain·√(3 / fan_in), gain = √(2 / (1 + a²)) (He et al. 2015).
    /// PyTorch's Linear/Conv default uses a = √5, which gives b = 1/√fan_in.
    /// </summary>
    public static void KaimingUniform(Tensor tensor, TensorRandom random, int fanIn, double a = 2.23606797749979)
    {
        double gain = Math.Sqrt(2.0 / (1 + (a * a)));
        float bound = (float)(gain * Math.Sqrt(3.0 / fanIn));
        Uniform(tensor, random, -bound, bound);
    }

    /// <summary>Xavier (Glorot) uniform: U(−b, b) with b = √(6 / (fan_in + fan_out)) (Glorot &amp; Bengio 2010).</summary>
    public static void XavierUniform(Tensor tensor, TensorRandom random, int fanIn, int fanOut)
    {
        float bound = (float)Math.Sqrt(6.0 / (fanIn + fanOut));
        Uniform(tensor, random, -bound, bound);
    }

    /// <summary>PyTorch's default bias: U(−1/√fan_in, 1/√fan_in).</summary>
    public static void DefaultBias(Tensor bias, TensorRandom random, int fanIn)
    {
        float bound = fanIn > 0 ? 1f / MathF.Sqrt(fanIn) : 0f;
        Uniform(bias, random, -bound, bound);
    }
}
