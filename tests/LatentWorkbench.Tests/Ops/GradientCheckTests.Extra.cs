using LatentWorkbench.Tensors;
using static LatentWorkbench.Ops.Functional;
using G = LatentWorkbench.Tests.TestUtilities.GradCheck;

namespace LatentWorkbench.Tests.Ops;

public sealed partial class GradientCheckTests
{
    private static readonly Dictionary<string, (Func<Tensor[], Tensor> Function, Func<Tensor[]> Inputs)> ExtraCases = new()
    {
        ["conv2d"] = (x => Conv2d(x[0], x[1], x[2]), () => [G.Uniform(1, [2, 2, 5, 5], -1, 1), G.Uniform(2, [3, 2, 3, 3], -1, 1), G.Uniform(3, [3], -1, 1)]),
        ["conv2d_stride_padding"] = (x => Conv2d(x[0], x[1], x[2], stride: 2, padding: 1), () => [G.Uniform(1, [2, 2, 5, 6], -1, 1), G.Uniform(2, [3, 2, 3, 3], -1, 1), G.Uniform(3, [3], -1, 1)]),
        ["conv_transpose2d"] = (x => ConvTranspose2d(x[0], x[1], x[2]), () => [G.Uniform(1, [2, 3, 3, 3], -1, 1), G.Uniform(2, [3, 2, 3, 3], -1, 1), G.Uniform(3, [2], -1, 1)]),
        ["conv_transpose2d_stride_padding"] = (x => ConvTranspose2d(x[0], x[1], x[2], stride: 2, padding: 1), () => [G.Uniform(1, [2, 3, 3, 4], -1, 1), G.Uniform(2, [3, 2, 4, 4], -1, 1), G.Uniform(3, [2], -1, 1)]),
        ["max_pool2d"] = (x => MaxPool2d(x[0], 2), () => [Distinct(1, [2, 2, 4, 4])]),
        ["max_pool2d_overlapping"] = (x => MaxPool2d(x[0], 3, stride: 2), () => [Distinct(2, [1, 2, 5, 5])]),
        ["avg_pool2d"] = (x => AvgPool2d(x[0], 2), () => [G.Uniform(1, [2, 2, 4, 4], -1, 1)]),
        ["batch_norm_train_2d"] = (x => BatchNorm(x[0], x[1], x[2], Tensor.Zeros(3), Tensor.Ones(3), training: true), () => [G.Uniform(1, [4, 3], -1, 1), G.Uniform(2, [3], 0.5f, 1.5f), G.Uniform(3, [3], -1, 1)]),
        ["batch_norm_train_4d"] = (x => BatchNorm(x[0], x[1], x[2], Tensor.Zeros(2), Tensor.Ones(2), training: true), () => [G.Uniform(1, [3, 2, 2, 2], -1, 1), G.Uniform(2, [2], 0.5f, 1.5f), G.Uniform(3, [2], -1, 1)]),
        ["batch_norm_eval"] = (x => BatchNorm(x[0], x[1], x[2], Tensor.FromArray([0.1f, -0.2f]), Tensor.FromArray([0.5f, 2f]), training: false), () => [G.Uniform(1, [3, 2, 2, 2], -1, 1), G.Uniform(2, [2], 0.5f, 1.5f), G.Uniform(3, [2], -1, 1)]),
    };

    /// <summary>A shuffled grid with gaps of 0.05 between values, so the step h never changes which element is the maximum.</summary>
    private static Tensor Distinct(int seed, int[] shape)
    {
        var t = Tensor.Zeros(shape);
        var order = new int[t.Length];
        new TensorRandom((ulong)seed).Permutation(order);
        for (int i = 0; i < order.Length; i++)
        {
            t.AsSpan()[i] = (order[i] * 0.05f) - 1f;
        }

        return t;
    }
}
