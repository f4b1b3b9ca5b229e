using System.Numerics;
using System.Numerics.Tensors;

namespace LatentWorkbench.Kernels;

internal static partial class TensorKernels
{
    private const float SoftplusThreshold = 20f;

    /// <summary>y = f(x) elementwise; p and q are the op's scalar parameters (slope, alpha, exponent, bounds, factor).</summary>
    public static void Unary(UnaryKind kind, ReadOnlySpan<float> x, Span<float> y, float p, float q)
    {
        switch (kind)
        {
            case UnaryKind.Exp: TensorPrimitives.Exp(x, y); break;
            case UnaryKind.Log: TensorPrimitives.Log(x, y); break;
            case UnaryKind.Sqrt: TensorPrimitives.Sqrt(x, y); break;
            case UnaryKind.Abs: TensorPrimitives.Abs(x, y); break;
            case UnaryKind.Negate: TensorPrimitives.Negate(x, y); break;
            case UnaryKind.Relu: TensorPrimitives.Max(x, 0f, y); break;
            case UnaryKind.Sigmoid: TensorPrimitives.Sigmoid(x, y); break;
            case UnaryKind.Tanh: TensorPrimitives.Tanh(x, y); break;
            case UnaryKind.Pow: TensorPrimitives.Pow(x, p, y); break;
            case UnaryKind.Scale: TensorPrimitives.Multiply(x, p, y); break;
            case UnaryKind.AddScalar: TensorPrimitives.Add(x, p, y); break;
            case UnaryKind.Clamp:
                TensorPrimitives.Max(x, p, y);
                TensorPrimitives.Min(y, q, y);
                break;
            default:
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = Scalar(kind, x[i], p);
                }

                break;
        }
    }

    /// <summary>gx += gy · f′(x), using the forward output y where that is cheaper.</summary>
    public static void UnaryBackward(UnaryKind kind, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> gy, Span<float> gx, float p, float q)
    {
        switch (kind)
        {
            case UnaryKind.Exp: TensorPrimitives.MultiplyAdd(gy, y, gx, gx); return;
            case UnaryKind.Negate: TensorPrimitives.Subtract(gx, gy, gx); return;
            case UnaryKind.Scale: TensorPrimitives.MultiplyAdd(gy, p, gx, gx); return;
            case UnaryKind.AddScalar: TensorPrimitives.Add(gx, gy, gx); return;
            case UnaryKind.Relu: ReluBackward(y, gy, gx); return;
            default:
                for (int i = 0; i < x.Length; i++)
                {
                    gx[i] += gy[i] * Derivative(kind, x[i], y[i], p, q);
                }

                return;
        }
    }

    private static float Scalar(UnaryKind kind, float x, float p) => kind switch
    {
        UnaryKind.LeakyRelu => x > 0 ? x : p * x,
        UnaryKind.Elu => x > 0 ? x : p * (MathF.Exp(x) - 1f),
        UnaryKind.Softplus => x > SoftplusThreshold ? x : MathF.Max(x, 0f) + float.LogP1(MathF.Exp(-MathF.Abs(x))),
        UnaryKind.Gelu => (float)(0.5 * x * (1.0 + Erf(x / Math.Sqrt(2.0)))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a scalar-loop unary op"),
    };

    private static float Derivative(UnaryKind kind, float x, float y, float p, float q) => kind switch
    {
        UnaryKind.Log => 1f / x,
        UnaryKind.Sqrt => 0.5f / y,
        UnaryKind.Abs => MathF.Sign(x),
        UnaryKind.LeakyRelu => x > 0 ? 1f : p,
        UnaryKind.Elu => x > 0 ? 1f : y + p,
        UnaryKind.Sigmoid => y * (1f - y),
        UnaryKind.Tanh => 1f - (y * y),
        UnaryKind.Softplus => x > SoftplusThreshold ? 1f : 1f / (1f + MathF.Exp(-x)),
        UnaryKind.Gelu => (float)((0.5 * (1.0 + Erf(x / Math.Sqrt(2.0)))) + (x * Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI))),
        UnaryKind.Pow => p * MathF.Pow(x, p - 1f),
        UnaryKind.Clamp => x >= p && x <= q ? 1f : 0f,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no derivative rule"),
    };

    /// <summary>gx += gy where y &gt; 0 (Vector&lt;float&gt; lanes, scalar tail).</summary>
    private static void ReluBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> gy, Span<float> gx)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= y.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var mask = Vector.GreaterThan(new Vector<float>(y[i..]), Vector<float>.Zero);
                var sum = new Vector<float>(gx[i..]) + Vector.ConditionalSelect(mask, new Vector<float>(gy[i..]), Vector<float>.Zero);
                sum.CopyTo(gx[i..]);
            }
        }

        for (; i < y.Length; i++)
        {
            if (y[i] > 0)
            {
                gx[i] += gy[i];
            }
        }
    }

    /// <summary>The error function, Abramowitz &amp; Stegun 7.1.26 (|error| ≤ 1.5e-7, below float32 resolution near 1).</summary>
    internal static double Erf(double x)
    {
        double sign = Math.Sign(x);
        x = Math.Abs(x);
        double t = 1.0 / (1.0 + (0.3275911 * x));
        double poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        return sign * (1.0 - (poly * Math.Exp(-x * x)));
    }
}
