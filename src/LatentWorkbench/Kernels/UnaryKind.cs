namespace LatentWorkbench.Kernels;

/// <summary>The elementwise unary primitives (some take one or two scalar parameters p, q).</summary>
internal enum UnaryKind
{
    Exp,
    Log,
    Sqrt,
    Abs,
    Negate,
    Relu,
    LeakyRelu,
    Elu,
    Sigmoid,
    Tanh,
    Softplus,
    Gelu,
    Pow,
    Clamp,
    Scale,
    AddScalar,
}
