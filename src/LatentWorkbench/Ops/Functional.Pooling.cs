using LatentWorkbench.Autograd;
using LatentWorkbench.Kernels;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Ops;

public static partial class Functional
{
    /// <summary>Max over k×k windows (stride defaults to k, no padding): [N, C, H, W] → [N, C, (H − k)/s + 1, (W − k)/s + 1].</summary>
    /// <remarks>The gradient flows to the first maximum of each window.</remarks>
    public static Tensor MaxPool2d(Tensor x, int kernel, int? stride = null)
    {
        var (planes, height, width, s, shape) = PoolShapes(x, kernel, stride, nameof(MaxPool2d));
        var y = TensorStorage.Create(shape, clear: false);
        var argmax = new int[y.Length];
        TensorKernels.MaxPool(x.Span, planes, height, width, kernel, s, y.Span, argmax);
        if (!Graph.Needs(x))
        {
            return y;
        }

        return Graph.Record(y, () =>
        {
            var gx = x.GradSpan();
            var gy = y.Grad!.Span;
            for (int o = 0; o < argmax.Length; o++)
            {
                gx[argmax[o]] += gy[o];
            }
        }, x);
    }

    /// <summary>Mean over k×k windows (stride defaults to k, no padding): [N, C, H, W] → [N, C, (H − k)/s + 1, (W − k)/s + 1].</summary>
    public static Tensor AvgPool2d(Tensor x, int kernel, int? stride = null)
    {
        var (planes, height, width, s, shape) = PoolShapes(x, kernel, stride, nameof(AvgPool2d));
        var y = TensorStorage.Create(shape, clear: false);
        TensorKernels.AvgPool(x.Span, planes, height, width, kernel, s, y.Span);
        if (!Graph.Needs(x))
        {
            return y;
        }

        return Graph.Record(y, () => TensorKernels.AvgPoolBackward(y.Grad!.Span, planes, height, width, kernel, s, x.GradSpan()), x);
    }

    private static (int Planes, int Height, int Width, int Stride, int[] Shape) PoolShapes(Tensor x, int kernel, int? stride, string op)
    {
        ArgumentNullException.ThrowIfNull(x);
        int s = stride ?? kernel;
        if (x.Rank != 4)
        {
            throw new ArgumentException($"{op} needs x [N, C, H, W]; got {ShapeMath.Format(x.ShapeArray)}.", nameof(x));
        }

        if (kernel < 1 || s < 1 || kernel > x.Dim(2) || kernel > x.Dim(3))
        {
            throw new ArgumentOutOfRangeException(nameof(kernel), $"{op}: kernel {kernel} with stride {s} does not fit input {ShapeMath.Format(x.ShapeArray)}.");
        }

        int outH = ((x.Dim(2) - kernel) / s) + 1, outW = ((x.Dim(3) - kernel) / s) + 1;
        return (x.Dim(0) * x.Dim(1), x.Dim(2), x.Dim(3), s, [x.Dim(0), x.Dim(1), outH, outW]);
    }
}
