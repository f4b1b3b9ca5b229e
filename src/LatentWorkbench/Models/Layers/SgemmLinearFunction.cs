using LatentWorkbench.Compute;
using LatentWorkbench.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Layers;

/// <summary>
/// y = x·Wᵀ + b on the CPU through our own SGEMM (<see cref="Gemm"/>), as a libtorch autograd function: the forward and
/// both gradients are products of our kernel (opt-in through <see cref="DenseLayers.UseOwnGemmOnCpu"/>; measured slower).
/// </summary>
/// <remarks>
/// Why it was tried: libtorch-cpu's MKL takes its AVX2 path on AMD processors (108–135 GFLOP/s at 2 threads on our Zen
/// machines) where our kernel uses AVX-512 (about 240), and the deep autoencoder's epoch is almost all GEMM. The epoch came
/// out slower (docs/measurements.md, "The deep autoencoder's epoch"). Shapes: x [B, in], W [out, in], b [out] → y [B, out]. Backward: dx = dy·W [B, in] (skipped when x
/// needs no gradient, as for the input layer), dW = dyᵀ·x [out, in], db = Σ_rows dy. Every operand must be a contiguous
/// float32 CPU tensor (<see cref="DenseLayers"/> checks and falls back to libtorch otherwise). Results are deterministic
/// (our GEMM's fixed accumulation order) but not bitwise equal to libtorch's.
/// </remarks>
internal sealed class SgemmLinearFunction : autograd.SingleTensorFunction<SgemmLinearFunction>
{
    private const string InputNeedsGradient = "x.requires_grad";

    /// <inheritdoc/>
    public override string Name => "SgemmLinear";

    /// <summary>y = x·Wᵀ + b; vars are x, W, b.</summary>
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var x = (Tensor)vars[0];
        var weight = (Tensor)vars[1];
        var bias = (Tensor)vars[2];
        int rows = checked((int)x.shape[0]), inputs = checked((int)x.shape[1]), outputs = checked((int)weight.shape[0]);
        ctx.save_for_backward([x, weight]);
        ctx.save_data(InputNeedsGradient, x.requires_grad);
        var y = empty([rows, outputs], dtype: float32);
        var yValues = TensorSpans.Writable(y);
        var biasValues = TensorSpans.Floats(bias);
        for (int r = 0; r < rows; r++)
        {
            biasValues.CopyTo(yValues.Slice(r * outputs, outputs));
        }

        Gemm.Sgemm(false, true, rows, outputs, inputs, 1f, TensorSpans.Floats(x), inputs, TensorSpans.Floats(weight), inputs, 1f, yValues, outputs);
        return y;
    }

    /// <summary>The gradients of x (or none), W and b for the output gradient <paramref name="grad_output"/> [B, out].</summary>
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var saved = ctx.get_saved_variables();
        var x = saved[0];
        var weight = saved[1];
        using var dy = grad_output.is_contiguous() ? grad_output.alias() : grad_output.contiguous();
        int rows = checked((int)x.shape[0]), inputs = checked((int)x.shape[1]), outputs = checked((int)weight.shape[0]);
        var dyValues = TensorSpans.Floats(dy);
        Tensor? dx = null;
        if ((bool)ctx.get_data(InputNeedsGradient))
        {
            dx = empty([rows, inputs], dtype: float32);
            Gemm.Sgemm(false, false, rows, inputs, outputs, 1f, dyValues, outputs, TensorSpans.Floats(weight), inputs, 0f, TensorSpans.Writable(dx), inputs);
        }

        var dw = empty([outputs, inputs], dtype: float32);
        Gemm.Sgemm(true, false, outputs, inputs, rows, 1f, dyValues, outputs, TensorSpans.Floats(x), inputs, 0f, TensorSpans.Writable(dw), inputs);
        var db = dy.sum(0L);   // 0L: a bare 0 binds to sum(ScalarType) and sums everything
        return [dx!, dw, db];
    }
}
