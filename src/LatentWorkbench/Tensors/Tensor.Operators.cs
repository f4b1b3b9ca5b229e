using LatentWorkbench.Ops;

namespace LatentWorkbench.Tensors;

public sealed partial class Tensor
{
    /// <summary>Elementwise sum with broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Functional.Add(a, b);

    /// <summary>Elementwise difference with broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Functional.Sub(a, b);

    /// <summary>Elementwise product with broadcasting.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Functional.Mul(a, b);

    /// <summary>Elementwise quotient with broadcasting.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Functional.Div(a, b);

    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor a) => Functional.Neg(a);

    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(Tensor a, float b) => Functional.AddScalar(a, b);

    /// <summary>Subtracts a scalar.</summary>
    public static Tensor operator -(Tensor a, float b) => Functional.AddScalar(a, -b);

    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(Tensor a, float b) => Functional.Scale(a, b);

    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(float a, Tensor b) => Functional.Scale(b, a);

    /// <summary>Divides by a scalar.</summary>
    public static Tensor operator /(Tensor a, float b) => Functional.Scale(a, 1f / b);

    /// <summary>Named alternative for <c>a + b</c>.</summary>
    public static Tensor Add(Tensor a, Tensor b) => Functional.Add(a, b);

    /// <summary>Named alternative for <c>a - b</c>.</summary>
    public static Tensor Subtract(Tensor a, Tensor b) => Functional.Sub(a, b);

    /// <summary>Named alternative for <c>a * b</c>.</summary>
    public static Tensor Multiply(Tensor a, Tensor b) => Functional.Mul(a, b);

    /// <summary>Named alternative for <c>a / b</c>.</summary>
    public static Tensor Divide(Tensor a, Tensor b) => Functional.Div(a, b);

    /// <summary>Named alternative for <c>-a</c>.</summary>
    public static Tensor Negate(Tensor a) => Functional.Neg(a);

    /// <summary>Named alternative for <c>a * b</c> with a scalar.</summary>
    public static Tensor Multiply(Tensor a, float b) => Functional.Scale(a, b);

    /// <summary>Named alternative for <c>a / b</c> with a scalar.</summary>
    public static Tensor Divide(Tensor a, float b) => Functional.Scale(a, 1f / b);

    /// <summary>Named alternative for <c>a + b</c> with a scalar.</summary>
    public static Tensor Add(Tensor a, float b) => Functional.AddScalar(a, b);

    /// <summary>Named alternative for <c>a - b</c> with a scalar.</summary>
    public static Tensor Subtract(Tensor a, float b) => Functional.AddScalar(a, -b);

    /// <summary>A view with a new shape (one dimension may be −1).</summary>
    public Tensor Reshape(params int[] shape) => Functional.Reshape(this, shape);

    /// <summary>Rows [start, start + count) as a view.</summary>
    public Tensor Rows(int start, int count) => Functional.Rows(this, start, count);

    /// <summary>Σ of all elements.</summary>
    public Tensor Sum() => Functional.Sum(this);

    /// <summary>Σ along an axis.</summary>
    public Tensor Sum(int axis, bool keepDim = false) => Functional.Sum(this, axis, keepDim);

    /// <summary>Mean of all elements.</summary>
    public Tensor Mean() => Functional.Mean(this);

    /// <summary>Mean along an axis.</summary>
    public Tensor Mean(int axis, bool keepDim = false) => Functional.Mean(this, axis, keepDim);

    /// <summary>Matrix product with <paramref name="other"/>.</summary>
    public Tensor MatMul(Tensor other) => Functional.MatMul(this, other);

    /// <summary>Elementwise eˣ.</summary>
    public Tensor Exp() => Functional.Exp(this);

    /// <summary>Elementwise natural log.</summary>
    public Tensor Log() => Functional.Log(this);

    /// <summary>Elementwise max(x, 0).</summary>
    public Tensor Relu() => Functional.Relu(this);

    /// <summary>Elementwise logistic sigmoid.</summary>
    public Tensor Sigmoid() => Functional.Sigmoid(this);

    /// <summary>Elementwise tanh.</summary>
    public Tensor Tanh() => Functional.Tanh(this);

    /// <summary>Elementwise power.</summary>
    public Tensor Pow(float exponent) => Functional.Pow(this, exponent);
}
