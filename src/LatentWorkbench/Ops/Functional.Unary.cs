using LatentWorkbench.Autograd;
using LatentWorkbench.Kernels;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Ops;

public static partial class Functional
{
    /// <summary>eˣ elementwise.</summary>
    public static Tensor Exp(Tensor x) => Unary(UnaryKind.Exp, x);

    /// <summary>Natural logarithm elementwise (−∞ at 0, NaN below).</summary>
    public static Tensor Log(Tensor x) => Unary(UnaryKind.Log, x);

    /// <summary>√x elementwise.</summary>
    public static Tensor Sqrt(Tensor x) => Unary(UnaryKind.Sqrt, x);

    /// <summary>|x| elementwise (gradient sign(x), 0 at 0).</summary>
    public static Tensor Abs(Tensor x) => Unary(UnaryKind.Abs, x);

    /// <summary>−x elementwise.</summary>
    public static Tensor Neg(Tensor x) => Unary(UnaryKind.Negate, x);

    /// <summary>xᵖ elementwise for a scalar exponent p.</summary>
    public static Tensor Pow(Tensor x, float exponent) => Unary(UnaryKind.Pow, x, exponent);

    /// <summary>min(max(x, min), max) elementwise; the gradient is 1 inside [min, max], 0 outside.</summary>
    public static Tensor Clamp(Tensor x, float min = float.NegativeInfinity, float max = float.PositiveInfinity)
    {
        if (min > max)
        {
            throw new ArgumentException($"Clamp needs min ≤ max; got min = {min}, max = {max}.", nameof(min));
        }

        return Unary(UnaryKind.Clamp, x, min, max);
    }

    /// <summary>c · x for a scalar c.</summary>
    public static Tensor Scale(Tensor x, float factor) => Unary(UnaryKind.Scale, x, factor);

    /// <summary>x + c for a scalar c.</summary>
    public static Tensor AddScalar(Tensor x, float value) => Unary(UnaryKind.AddScalar, x, value);

    /// <summary>max(x, 0).</summary>
    public static Tensor Relu(Tensor x) => Unary(UnaryKind.Relu, x);

    /// <summary>x for x &gt; 0, slope · x otherwise (PyTorch default slope 0.01).</summary>
    public static Tensor LeakyRelu(Tensor x, float negativeSlope = 0.01f) => Unary(UnaryKind.LeakyRelu, x, negativeSlope);

    /// <summary>x for x &gt; 0, α(eˣ − 1) otherwise (Clevert et al. 2016).</summary>
    public static Tensor Elu(Tensor x, float alpha = 1f) => Unary(UnaryKind.Elu, x, alpha);

    /// <summary>σ(x) = 1 / (1 + e⁻ˣ).</summary>
    public static Tensor Sigmoid(Tensor x) => Unary(UnaryKind.Sigmoid, x);

    /// <summary>tanh(x).</summary>
    public static Tensor Tanh(Tensor x) => Unary(UnaryKind.Tanh, x);

    /// <summary>log(1 + eˣ), computed stably; linear above x = 20 as in PyTorch.</summary>
    public static Tensor Softplus(Tensor x) => Unary(UnaryKind.Softplus, x);

    /// <summary>x · Φ(x), the exact (erf) GELU of Hendrycks &amp; Gimpel 2016, PyTorch's default.</summary>
    public static Tensor Gelu(Tensor x) => Unary(UnaryKind.Gelu, x);

    private static Tensor Unary(UnaryKind kind, Tensor x, float p = 0f, float q = 0f)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = TensorStorage.Create(x.ShapeArray, clear: false);
        TensorKernels.Unary(kind, x.Span, y.Span, p, q);
        if (!Graph.Needs(x))
        {
            return y;
        }

        return Graph.Record(y, () => TensorKernels.UnaryBackward(kind, x.Span, y.Span, y.Grad!.Span, x.GradSpan(), p, q), x);
    }
}
