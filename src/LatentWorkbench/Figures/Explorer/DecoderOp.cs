namespace LatentWorkbench.Figures.Explorer;

/// <summary>
/// One step of a <see cref="DecoderProgram"/>: the small vocabulary of layers the explorer page's JavaScript runs
/// (and <see cref="DecoderProgramEvaluator"/> runs in C# as its reference). Each op maps a value of a known shape to
/// the next: a flat vector [n] or a feature map [C, H, W] (a single example, no batch dimension).
/// </summary>
/// <remarks>
/// Weights are float32 in PyTorch's layouts: Linear [out, in]; Conv2d [out, in, k, k]; ConvTranspose2d [in, out, k, k].
/// Dilation 1 and one group only (what the library's decoders use).
/// </remarks>
public abstract record DecoderOp
{
    /// <summary>The op's name in the page's JSON (<c>linear</c>, <c>relu</c>, …).</summary>
    public abstract string Kind { get; }
}

/// <summary>y = W x + b on a flat vector: W is [<paramref name="Out"/>, <paramref name="In"/>] row-major, b is [<paramref name="Out"/>].</summary>
public sealed record LinearOp(int In, int Out, IReadOnlyList<float> Weight, IReadOnlyList<float> Bias) : DecoderOp
{
    /// <inheritdoc/>
    public override string Kind => "linear";
}

/// <summary>An elementwise nonlinearity; <paramref name="Slope"/> is LeakyReLU's negative slope (0 for the others).</summary>
public sealed record ActivationOp(ActivationKind Activation, double Slope = 0) : DecoderOp
{
    /// <inheritdoc/>
    public override string Kind => Activation switch
    {
        ActivationKind.Relu => "relu",
        ActivationKind.LeakyRelu => "leakyRelu",
        ActivationKind.Sigmoid => "sigmoid",
        ActivationKind.Tanh => "tanh",
        _ => throw new ArgumentOutOfRangeException(nameof(Activation), Activation, "Unknown activation."),
    };
}

/// <summary>Reinterprets the values as <paramref name="Shape"/> ([n] flattens; [C, H, W] makes a feature map); the count must not change.</summary>
public sealed record ReshapeOp(IReadOnlyList<int> Shape) : DecoderOp
{
    /// <inheritdoc/>
    public override string Kind => "reshape";
}

/// <summary>
/// A 2-D convolution on [C, H, W] (PyTorch's <c>Conv2d</c>, square kernel): H_out = ⌊(H + 2p − k) / s⌋ + 1.
/// Weight [<paramref name="OutChannels"/>, <paramref name="InChannels"/>, k, k].
/// </summary>
public sealed record Conv2dOp(int InChannels, int OutChannels, int KernelSize, int Stride, int Padding, IReadOnlyList<float> Weight, IReadOnlyList<float> Bias) : DecoderOp
{
    /// <inheritdoc/>
    public override string Kind => "conv2d";
}

/// <summary>
/// A transposed 2-D convolution on [C, H, W] (PyTorch's <c>ConvTranspose2d</c>, square kernel):
/// H_out = (H − 1)·s − 2p + k + output_padding; each input pixel scatters its kernel-weighted value to the output.
/// Weight [<paramref name="InChannels"/>, <paramref name="OutChannels"/>, k, k].
/// </summary>
public sealed record ConvTranspose2dOp(int InChannels, int OutChannels, int KernelSize, int Stride, int Padding, int OutputPadding, IReadOnlyList<float> Weight, IReadOnlyList<float> Bias) : DecoderOp
{
    /// <inheritdoc/>
    public override string Kind => "convTranspose2d";
}

/// <summary>
/// Appends the one-hot code of the chosen label (<paramref name="Classes"/> values) to a flat vector: a conditional
/// decoder's <c>cat([h, onehot(y)])</c>. Put it before the first layer (Sohn et al. 2015's CVAE) or before every layer
/// (a CVAE that conditions each layer).
/// </summary>
public sealed record ConcatLabelOp(int Classes) : DecoderOp
{
    /// <inheritdoc/>
    public override string Kind => "concatLabel";
}

/// <summary>The elementwise nonlinearities an <see cref="ActivationOp"/> can hold.</summary>
public enum ActivationKind
{
    /// <summary>max(0, x).</summary>
    Relu,

    /// <summary>x for x ≥ 0, slope·x otherwise.</summary>
    LeakyRelu,

    /// <summary>1 / (1 + e^(−x)).</summary>
    Sigmoid,

    /// <summary>tanh(x).</summary>
    Tanh,
}
