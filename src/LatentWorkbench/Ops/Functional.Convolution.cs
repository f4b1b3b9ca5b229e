using LatentWorkbench.Autograd;
using LatentWorkbench.Kernels;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Ops;

public static partial class Functional
{
    /// <summary>
    /// 2-D convolution (cross-correlation, as PyTorch): x [N, C, H, W], weight [O, C, kh, kw], bias [O] →
    /// y [N, O, Ho, Wo] with Ho = (H + 2p − kh) / s + 1. Computed per image as im2col + one GEMM.
    /// </summary>
    /// <remarks>Gradients: dW += dy·colsᵀ, dx = col2im(Wᵀ·dy), db = Σ dy over N, Ho, Wo.</remarks>
    public static Tensor Conv2d(Tensor x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0)
    {
        var (g, batch, outChannels) = ConvShapes(x, weight, bias, stride, padding, nameof(Conv2d));
        int patch = g.PatchSize, pixels = g.OutPixels;
        var y = TensorStorage.Create([batch, outChannels, g.OutHeight, g.OutWidth], clear: true);
        var cols = TensorKernels.RentScratch(patch * pixels);
        for (int n = 0; n < batch; n++)
        {
            var yn = y.Span.Slice(n * outChannels * pixels, outChannels * pixels);
            TensorKernels.Im2Col(x.Span.Slice(n * g.ImageSize, g.ImageSize), g, cols);
            TensorKernels.MatMul(false, false, outChannels, pixels, patch, 1f, weight.Span, patch, cols, pixels, 0f, yn, pixels);
            if (bias is not null)
            {
                TensorKernels.AddChannelBias(yn, bias.Span, pixels);
            }
        }

        TensorKernels.ReturnScratch(cols);
        if (!Graph.Needs(x, weight, bias))
        {
            return y;
        }

        return Graph.Record(y, () =>
        {
            var scratch = TensorKernels.RentScratch(patch * pixels);
            var columns = scratch.AsSpan(0, patch * pixels);
            for (int n = 0; n < batch; n++)
            {
                var gy = y.Grad!.Span.Slice(n * outChannels * pixels, outChannels * pixels);
                if (weight.RequiresGrad)
                {
                    TensorKernels.Im2Col(x.Span.Slice(n * g.ImageSize, g.ImageSize), g, columns);
                    TensorKernels.MatMul(false, true, outChannels, patch, pixels, 1f, gy, pixels, columns, pixels, 1f, weight.GradSpan(), patch);
                }

                if (x.RequiresGrad)
                {
                    TensorKernels.MatMul(true, false, patch, pixels, outChannels, 1f, weight.Span, patch, gy, pixels, 0f, columns, pixels);
                    TensorKernels.Col2ImAccumulate(columns, g, x.GradSpan().Slice(n * g.ImageSize, g.ImageSize));
                }

                if (bias is not null && bias.RequiresGrad)
                {
                    TensorKernels.AccumulateChannelSums(gy, bias.GradSpan(), pixels);
                }
            }

            TensorKernels.ReturnScratch(scratch);
        }, bias is null ? [x, weight] : [x, weight, bias]);
    }

    /// <summary>
    /// Transposed 2-D convolution (the adjoint of <see cref="Conv2d"/>, PyTorch's ConvTranspose2d without output padding):
    /// x [N, Cin, H, W], weight [Cin, Cout, kh, kw], bias [Cout] → y [N, Cout, Ho, Wo], Ho = (H − 1)·s − 2p + kh.
    /// </summary>
    /// <remarks>Forward: cols = Wᵀ·x, y = col2im(cols). Gradients: dx = W·im2col(dy), dW += x·im2col(dy)ᵀ, db = Σ dy.</remarks>
    public static Tensor ConvTranspose2d(Tensor x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        if (x.Rank != 4 || weight.Rank != 4 || x.Dim(1) != weight.Dim(0))
        {
            throw new ArgumentException($"ConvTranspose2d needs x [N, Cin, H, W] and weight [Cin, Cout, kh, kw]; got {ShapeMath.Format(x.ShapeArray)} and {ShapeMath.Format(weight.ShapeArray)}.", nameof(x));
        }

        int batch = x.Dim(0), inChannels = x.Dim(1), inPixels = x.Dim(2) * x.Dim(3), outChannels = weight.Dim(1);
        int outH = ((x.Dim(2) - 1) * stride) - (2 * padding) + weight.Dim(2), outW = ((x.Dim(3) - 1) * stride) - (2 * padding) + weight.Dim(3);
        if (stride < 1 || padding < 0 || outH < 1 || outW < 1)
        {
            throw new ArgumentException($"ConvTranspose2d: stride {stride} and padding {padding} give an empty output for input {ShapeMath.Format(x.ShapeArray)}.", nameof(stride));
        }

        if (bias is not null && bias.Length != outChannels)
        {
            throw new ArgumentException($"ConvTranspose2d bias must have shape [{outChannels}]; got {ShapeMath.Format(bias.ShapeArray)}.", nameof(bias));
        }

        // The equivalent forward convolution maps the output image (Cout×Ho×Wo) back to the input's H×W.
        var g = new ConvGeometry(outChannels, outH, outW, weight.Dim(2), weight.Dim(3), stride, padding);
        int patch = g.PatchSize;
        var y = TensorStorage.Create([batch, outChannels, outH, outW], clear: true);
        var cols = TensorKernels.RentScratch(patch * inPixels);
        for (int n = 0; n < batch; n++)
        {
            var yn = y.Span.Slice(n * g.ImageSize, g.ImageSize);
            TensorKernels.MatMul(true, false, patch, inPixels, inChannels, 1f, weight.Span, patch, x.Span.Slice(n * inChannels * inPixels, inChannels * inPixels), inPixels, 0f, cols, inPixels);
            TensorKernels.Col2ImAccumulate(cols.AsSpan(0, patch * inPixels), g, yn);
            if (bias is not null)
            {
                TensorKernels.AddChannelBias(yn, bias.Span, outH * outW);
            }
        }

        TensorKernels.ReturnScratch(cols);
        if (!Graph.Needs(x, weight, bias))
        {
            return y;
        }

        return Graph.Record(y, () =>
        {
            var scratch = TensorKernels.RentScratch(patch * inPixels);
            var columns = scratch.AsSpan(0, patch * inPixels);
            for (int n = 0; n < batch; n++)
            {
                var gy = y.Grad!.Span.Slice(n * g.ImageSize, g.ImageSize);
                TensorKernels.Im2Col(gy, g, columns);
                if (x.RequiresGrad)
                {
                    TensorKernels.MatMul(false, false, inChannels, inPixels, patch, 1f, weight.Span, patch, columns, inPixels, 1f, x.GradSpan().Slice(n * inChannels * inPixels, inChannels * inPixels), inPixels);
                }

                if (weight.RequiresGrad)
                {
                    TensorKernels.MatMul(false, true, inChannels, patch, inPixels, 1f, x.Span.Slice(n * inChannels * inPixels, inChannels * inPixels), inPixels, columns, inPixels, 1f, weight.GradSpan(), patch);
                }

                if (bias is not null && bias.RequiresGrad)
                {
                    TensorKernels.AccumulateChannelSums(gy, bias.GradSpan(), outH * outW);
                }
            }

            TensorKernels.ReturnScratch(scratch);
        }, bias is null ? [x, weight] : [x, weight, bias]);
    }

    private static (ConvGeometry Geometry, int Batch, int OutChannels) ConvShapes(Tensor x, Tensor weight, Tensor? bias, int stride, int padding, string op)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        if (x.Rank != 4 || weight.Rank != 4 || x.Dim(1) != weight.Dim(1))
        {
            throw new ArgumentException($"{op} needs x [N, C, H, W] and weight [O, C, kh, kw]; got {ShapeMath.Format(x.ShapeArray)} and {ShapeMath.Format(weight.ShapeArray)}.", nameof(x));
        }

        var g = new ConvGeometry(x.Dim(1), x.Dim(2), x.Dim(3), weight.Dim(2), weight.Dim(3), stride, padding);
        if (stride < 1 || padding < 0 || x.Dim(2) + (2 * padding) < weight.Dim(2) || x.Dim(3) + (2 * padding) < weight.Dim(3))
        {
            throw new ArgumentException($"{op}: kernel {weight.Dim(2)}×{weight.Dim(3)} with stride {stride} and padding {padding} does not fit input {ShapeMath.Format(x.ShapeArray)}.", nameof(stride));
        }

        if (bias is not null && bias.Length != weight.Dim(0))
        {
            throw new ArgumentException($"{op} bias must have shape [{weight.Dim(0)}]; got {ShapeMath.Format(bias.ShapeArray)}.", nameof(bias));
        }

        return (g, x.Dim(0), weight.Dim(0));
    }
}
