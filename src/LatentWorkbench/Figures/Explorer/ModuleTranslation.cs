using System.Globalization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Figures.Explorer;

/// <summary>
/// Translates TorchSharp modules into <see cref="DecoderOp"/>s, reading their weights and hyperparameters: Linear,
/// ReLU, LeakyReLU, Sigmoid, Tanh, Flatten, Unflatten, Conv2d, ConvTranspose2d, and Sequential (recursively);
/// Identity and Dropout (a no-op in eval mode) add nothing.
/// </summary>
/// <remarks>
/// The translator tracks the shape of one example (no batch dimension) so Flatten becomes a reshape of known size.
/// A layer outside that list, or a convolution with groups, dilation, non-square kernels or non-zero padding modes,
/// throws <see cref="NotSupportedException"/> naming it.
/// </remarks>
internal sealed class ModuleTranslation(int latentSize, int classes)
{
    /// <summary>The names of the layers the page runs, for messages.</summary>
    public const string SupportedLayers = "Linear, ReLU, LeakyReLU, Sigmoid, Tanh, Flatten, Unflatten, Conv2d, ConvTranspose2d, Identity, Dropout and Sequential";

    private readonly List<DecoderOp> _ops = [];
    private int[] _shape = [latentSize];

    /// <summary>The ops so far.</summary>
    public IReadOnlyList<DecoderOp> Ops => _ops;

    /// <summary>Appends an op, checking it runs on the current shape.</summary>
    public ModuleTranslation Add(DecoderOp op)
    {
        _shape = DecoderProgram.ShapeAfter(op, _shape, classes, _ops.Count);
        _ops.Add(op);
        return this;
    }

    /// <summary>Appends the ops of <paramref name="module"/>.</summary>
    public ModuleTranslation Add(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        switch (module)
        {
            case Sequential sequential:
                foreach (var (_, child) in sequential.named_children())
                {
                    Add(child);
                }

                return this;
            case Linear linear:
                return Add(Linear(linear));
            case ReLU:
                return Add(new ActivationOp(ActivationKind.Relu));
            case LeakyReLU leaky:
                return Add(new ActivationOp(ActivationKind.LeakyRelu, leaky.negative_slope));
            case Sigmoid:
                return Add(new ActivationOp(ActivationKind.Sigmoid));
            case Tanh:
                return Add(new ActivationOp(ActivationKind.Tanh));
            case Identity or Dropout:
                return this;
            case Flatten flatten when flatten.start_dim == 1 && flatten.end_dim == -1:
                return Flatten();
            case Unflatten unflatten when unflatten.dim == 1:
                return Add(new ReshapeOp([.. unflatten.unflattened_size.Select(ToInt)]));
            case ConvTranspose2d transposed:
                RequirePlain(transposed);
                return Add(new ConvTranspose2dOp((int)transposed.in_channels, (int)transposed.out_channels, Square(transposed.kernel_size, transposed),
                    Square(transposed.stride, transposed), Square(transposed.padding!, transposed), Square(transposed.output_padding, transposed),
                    Floats(transposed.weight!), Bias(transposed.bias, (int)transposed.out_channels)));
            case Conv2d conv:
                RequirePlain(conv);
                return Add(new Conv2dOp((int)conv.in_channels, (int)conv.out_channels, Square(conv.kernel_size, conv), Square(conv.stride, conv),
                    Square(conv.padding!, conv), Floats(conv.weight!), Bias(conv.bias, (int)conv.out_channels)));
            default:
                throw new NotSupportedException($"The layer {module.GetType().Name} cannot run in the browser; supported layers: {SupportedLayers}.");
        }
    }

    /// <summary>Appends a reshape to a flat vector of the current count.</summary>
    public ModuleTranslation Flatten() => Add(new ReshapeOp([_shape.Aggregate(1, (a, b) => a * b)]));

    /// <summary>The program of the ops so far.</summary>
    public DecoderProgram ToProgram() => new(latentSize, classes, _ops);

    /// <summary>A Linear layer as an op, its bias folded with <paramref name="offset"/> when given (a decoder that adds a constant after it).</summary>
    public static LinearOp Linear(Linear linear, Tensor? offset = null)
    {
        ArgumentNullException.ThrowIfNull(linear);
        int outputs = (int)linear.weight!.shape[0];
        float[] bias = Bias(linear.bias, outputs);
        if (offset is not null)
        {
            float[] add = Floats(offset);
            for (int i = 0; i < outputs; i++)
            {
                bias[i] += add[i];
            }
        }

        return new LinearOp((int)linear.weight.shape[1], outputs, Floats(linear.weight), bias);
    }

    /// <summary>The values of <paramref name="tensor"/> as float32, row-major, copied to the CPU.</summary>
    public static float[] Floats(Tensor tensor)
    {
        using var cpu = tensor.detach().to(float32).cpu().contiguous();
        return cpu.data<float>().ToArray();
    }

    private static float[] Bias(Tensor? bias, int count) => bias is null ? new float[count] : Floats(bias);

    private static int ToInt(long value) => checked((int)value);

    private static int Square(long[] values, nn.Module module) =>
        values.Distinct().Count() == 1 ? checked((int)values[0])
        : throw new NotSupportedException($"{module.GetType().Name} with non-square sizes ({string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)))}) cannot run in the browser.");

    private static void RequirePlain(Convolution conv)
    {
        if (conv.groups != 1 || conv.dilation.Any(d => d != 1) || conv.padding_mode != TorchSharp.PaddingModes.Zeros || conv.padding_type is not null)
        {
            throw new NotSupportedException($"{conv.GetType().Name} with groups, dilation, a padding mode other than zeros or 'same'/'valid' padding cannot run in the browser.");
        }
    }
}
