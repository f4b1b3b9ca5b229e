using LatentWorkbench.Autograd;
using LatentWorkbench.Kernels;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Ops;

public static partial class Functional
{
    /// <summary>op(a) · op(b) for 2-D tensors, where op transposes when asked (no copy is made).</summary>
    /// <remarks>op(a) is [m, k], op(b) is [k, n], the result [m, n]. Gradients: dA = dC·op(B)ᵀ, dB = op(A)ᵀ·dC (transposed back to storage).</remarks>
    public static Tensor MatMul(Tensor a, Tensor b, bool transposeA = false, bool transposeB = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank != 2 || b.Rank != 2)
        {
            throw new ArgumentException($"MatMul needs 2-D tensors; got {ShapeMath.Format(a.ShapeArray)} and {ShapeMath.Format(b.ShapeArray)}.", nameof(a));
        }

        int m = transposeA ? a.Dim(1) : a.Dim(0), k = transposeA ? a.Dim(0) : a.Dim(1);
        int kb = transposeB ? b.Dim(1) : b.Dim(0), n = transposeB ? b.Dim(0) : b.Dim(1);
        if (k != kb)
        {
            throw new ArgumentException($"MatMul inner dimensions differ: op(a) is [{m}, {k}], op(b) is [{kb}, {n}].", nameof(b));
        }

        int lda = a.Dim(1), ldb = b.Dim(1);
        var y = TensorStorage.Create([m, n], clear: false);
        TensorKernels.MatMul(transposeA, transposeB, m, n, k, 1f, a.Span, lda, b.Span, ldb, 0f, y.Span, n);
        if (!Graph.Needs(a, b))
        {
            return y;
        }

        return Graph.Record(y, () =>
        {
            var gy = y.Grad!.Span;
            if (a.RequiresGrad)
            {
                if (!transposeA)
                {
                    TensorKernels.MatMul(false, !transposeB, m, k, n, 1f, gy, n, b.Span, ldb, 1f, a.GradSpan(), k);
                }
                else
                {
                    TensorKernels.MatMul(transposeB, true, k, m, n, 1f, b.Span, ldb, gy, n, 1f, a.GradSpan(), m);
                }
            }

            if (b.RequiresGrad)
            {
                if (!transposeB)
                {
                    TensorKernels.MatMul(!transposeA, false, k, n, m, 1f, a.Span, lda, gy, n, 1f, b.GradSpan(), n);
                }
                else
                {
                    TensorKernels.MatMul(true, transposeA, n, k, m, 1f, gy, n, a.Span, lda, 1f, b.GradSpan(), k);
                }
            }
        }, a, b);
    }

    /// <summary>
    /// y = x·Wᵀ + b, fused (one GEMM with the bias preloaded): x [N, in], W [out, in], b [out] or null → y [N, out].
    /// </summary>
    /// <remarks>Gradients: dx = dy·W, dW = dyᵀ·x, db = Σ_rows dy. Fused because it saves a pass over y per layer.</remarks>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        if (x.Rank != 2 || weight.Rank != 2 || x.Dim(1) != weight.Dim(1))
        {
            throw new ArgumentException($"Linear needs x [N, in] and weight [out, in]; got {ShapeMath.Format(x.ShapeArray)} and {ShapeMath.Format(weight.ShapeArray)}.", nameof(x));
        }

        int rows = x.Dim(0), inputs = x.Dim(1), outputs = weight.Dim(0);
        if (bias is not null && (bias.Rank != 1 || bias.Length != outputs))
        {
            throw new ArgumentException($"Linear bias must have shape [{outputs}]; got {ShapeMath.Format(bias.ShapeArray)}.", nameof(bias));
        }

        var y = TensorStorage.Create([rows, outputs], clear: bias is null);
        var ys = y.Span;
        if (bias is not null)
        {
            var bs = bias.Span;
            for (int r = 0; r < rows; r++)
            {
                bs.CopyTo(ys.Slice(r * outputs, outputs));
            }
        }

        TensorKernels.MatMul(false, true, rows, outputs, inputs, 1f, x.Span, inputs, weight.Span, inputs, 1f, ys, outputs);
        if (!Graph.Needs(x, weight, bias))
        {
            return y;
        }

        return Graph.Record(y, () =>
        {
            var gy = y.Grad!.Span;
            if (x.RequiresGrad)
            {
                TensorKernels.MatMul(false, false, rows, inputs, outputs, 1f, gy, outputs, weight.Span, inputs, 1f, x.GradSpan(), inputs);
            }

            if (weight.RequiresGrad)
            {
                var gw = weight.GradTarget(out float beta);
                TensorKernels.MatMul(true, false, outputs, inputs, rows, 1f, gy, outputs, x.Span, inputs, beta, gw, inputs);
            }

            if (bias is not null && bias.RequiresGrad)
            {
                var gb = bias.GradTarget(out float beta);
                TensorKernels.ColumnSums(gy, rows, outputs, gb, accumulate: beta != 0f);
            }
        }, bias is null ? [x, weight] : [x, weight, bias]);
    }
}
