using LatentWorkbench.Autograd;
using LatentWorkbench.Kernels;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Ops;

/// <summary>
/// The differentiable operations (PyTorch's <c>torch.nn.functional</c> vocabulary). Primitives carry their
/// backward rule right below their forward; composites are written in terms of primitives.
/// </summary>
public static partial class Functional
{
    /// <summary>a + b with NumPy broadcasting.</summary>
    public static Tensor Add(Tensor a, Tensor b) => Binary(BinaryKind.Add, a, b);

    /// <summary>a − b with NumPy broadcasting.</summary>
    public static Tensor Sub(Tensor a, Tensor b) => Binary(BinaryKind.Subtract, a, b);

    /// <summary>a · b (elementwise) with NumPy broadcasting.</summary>
    public static Tensor Mul(Tensor a, Tensor b) => Binary(BinaryKind.Multiply, a, b);

    /// <summary>a / b (elementwise) with NumPy broadcasting.</summary>
    public static Tensor Div(Tensor a, Tensor b) => Binary(BinaryKind.Divide, a, b);

    private static Tensor Binary(BinaryKind kind, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int[] shape = ShapeMath.SameShape(a.ShapeArray, b.ShapeArray) ? a.ShapeArray : ShapeMath.Broadcast(a.ShapeArray, b.ShapeArray);
        var y = TensorStorage.Create(shape, clear: false);
        TensorKernels.Binary(kind, a.Span, a.ShapeArray, b.Span, b.ShapeArray, y.Span, shape);
        if (!Graph.Needs(a, b))
        {
            return y;
        }

        return Graph.Record(y, () =>
        {
            var gy = y.Grad!.Span;
            if (a.RequiresGrad)
            {
                float[]? term = kind switch
                {
                    BinaryKind.Multiply => Broadcasted(BinaryKind.Multiply, gy, shape, b),   // ∂(ab)/∂a = b
                    BinaryKind.Divide => Broadcasted(BinaryKind.Divide, gy, shape, b),       // ∂(a/b)/∂a = 1/b
                    _ => null,                                                                // ±: gradient passes through
                };
                TensorKernels.AccumulateSumTo(AsSpanOrSelf(term, gy), shape, a.GradSpan(), a.ShapeArray);
                Return(term);
            }

            if (b.RequiresGrad)
            {
                float[]? term = kind switch
                {
                    BinaryKind.Multiply => Broadcasted(BinaryKind.Multiply, gy, shape, a), // ∂(ab)/∂b = a
                    BinaryKind.Divide => DivideRightGradient(gy, y, shape, b),           // ∂(a/b)/∂b = −(a/b)/b
                    BinaryKind.Subtract => Negated(gy),
                    _ => null,
                };
                TensorKernels.AccumulateSumTo(AsSpanOrSelf(term, gy), shape, b.GradSpan(), b.ShapeArray);
                Return(term);
            }
        }, a, b);
    }

    private static float[] Broadcasted(BinaryKind kind, ReadOnlySpan<float> g, int[] shape, Tensor other)
    {
        var scratch = TensorKernels.RentScratch(g.Length);
        TensorKernels.Binary(kind, g, shape, other.Span, other.ShapeArray, scratch.AsSpan(0, g.Length), shape);
        return scratch;
    }

    private static float[] DivideRightGradient(ReadOnlySpan<float> g, Tensor y, int[] shape, Tensor b)
    {
        var scratch = TensorKernels.RentScratch(g.Length);
        var s = scratch.AsSpan(0, g.Length);
        System.Numerics.Tensors.TensorPrimitives.Multiply(g, y.Span, s);
        System.Numerics.Tensors.TensorPrimitives.Negate(s, s);
        TensorKernels.Binary(BinaryKind.Divide, s, shape, b.Span, b.ShapeArray, s, shape);
        return scratch;
    }

    private static float[] Negated(ReadOnlySpan<float> g)
    {
        var scratch = TensorKernels.RentScratch(g.Length);
        System.Numerics.Tensors.TensorPrimitives.Negate(g, scratch.AsSpan(0, g.Length));
        return scratch;
    }

    private static void Return(float[]? scratch)
    {
        if (scratch is not null)
        {
            TensorKernels.ReturnScratch(scratch);
        }
    }

    private static Span<float> AsSpanOrSelf(float[]? term, Span<float> fallback) => term is null ? fallback : term.AsSpan(0, fallback.Length);
}
