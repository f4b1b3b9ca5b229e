using LatentWorkbench.Compute;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Layers;

/// <summary>
/// Fully connected layers that can run on our own SGEMM (float32 on the CPU, when <see cref="UseOwnGemmOnCpu"/> is set) and on
/// libtorch otherwise (the default, a GPU, other dtypes): the layers stay <c>nn.Linear</c> modules in <c>nn.Sequential</c>s, so state_dict names,
/// initialisation and devices are PyTorch's; only the product underneath changes.
/// </summary>
public static class DenseLayers
{
    /// <summary>
    /// Whether float32 CPU linear layers use our SGEMM (true) or libtorch's (false, the default). Process-wide.
    /// </summary>
    /// <remarks>
    /// Off by default because it measured slower: the deep autoencoder's epoch took 13.4 s on our SGEMM against 10.4 s on
    /// libtorch's (<c>bench ae-epoch --epochs 1</c> with and without <c>--own-linear</c>, the same quiet 2-core AMD machine,
    /// 2026-12-08). Our kernel beats libtorch's matmul on bare products (docs/kernels.md), so the loss is in the layer
    /// around it: .NET worker threads and libtorch's spinning OpenMP threads take turns on two cores, and every call
    /// goes through a managed autograd node. Kept, with its gradient tests, as the measured starting point for that work.
    /// </remarks>
    public static bool UseOwnGemmOnCpu { get; set; }

    /// <summary>
    /// <paramref name="stack"/>'s forward pass, layer by layer, with every <c>nn.Linear</c> through <see cref="Apply"/>.
    /// </summary>
    /// <param name="stack">Linear layers and parameter-free activations, as the MLP models build them.</param>
    /// <param name="x">[B, features].</param>
    public static Tensor Forward(Sequential stack, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(x);
        var h = x;
        foreach (var module in stack.children())
        {
            h = module switch
            {
                Linear linear => Apply(linear, h),
                nn.Module<Tensor, Tensor> other => other.forward(h),
                _ => throw new ArgumentException($"{module.GetType().Name} in the stack is not a tensor-to-tensor module.", nameof(stack)),
            };
        }

        return h;
    }

    /// <summary><paramref name="layer"/>(x) = x·Wᵀ + b; our SGEMM for 2-D float32 CPU operands when <see cref="UseOwnGemmOnCpu"/> is set, libtorch's otherwise.</summary>
    public static Tensor Apply(Linear layer, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(x);
        var weight = layer.weight!;
        var bias = layer.bias;
        if (!UseOwnGemmOnCpu || bias is null || x.dim() != 2 || !TensorSpans.IsReadableInPlace(weight) || !TensorSpans.IsReadableInPlace(bias)
            || x.device_type != DeviceType.CPU || x.dtype != ScalarType.Float32 || x.shape[0] == 0)
        {
            return layer.forward(x);
        }

        return SgemmLinearFunction.apply(x.is_contiguous() ? x : x.contiguous(), weight, bias);
    }
}
