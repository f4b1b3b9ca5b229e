using System.Globalization;

namespace LatentWorkbench.Figures.Explorer;

/// <summary>
/// A decoder written as a list of <see cref="DecoderOp"/>s with its weights, from a latent code [<see cref="LatentSize"/>]
/// (and, for a conditional decoder, a label) to pixels: what the explorer page runs in the browser to decode any latent
/// point with no kernel. The last op produces the pixels (a sigmoid for Bernoulli means), flattened.
/// </summary>
/// <remarks>
/// Built from a library model by <see cref="DecoderPrograms.From"/>, from an <c>nn.Sequential</c> by
/// <see cref="DecoderPrograms.FromSequential"/>, or by hand for a user's own model (<see cref="IBrowserDecoder"/>).
/// The constructor walks the shapes once, so a program that cannot run (a Linear whose input size does not match, a
/// conv on a flat vector) is refused where it is made, not in the page.
/// </remarks>
public sealed record DecoderProgram
{
    /// <summary>Checks the ops in order from a latent vector of <paramref name="latentSize"/> values.</summary>
    /// <param name="latentSize">The code's dimensions.</param>
    /// <param name="classes">Label values a <see cref="ConcatLabelOp"/> one-hot encodes; 0 for an unconditional decoder.</param>
    /// <param name="ops">The ops, first to last.</param>
    /// <exception cref="ArgumentException">The ops do not chain (the message names the op and the shapes).</exception>
    public DecoderProgram(int latentSize, int classes, IReadOnlyList<DecoderOp> ops)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentSize);
        ArgumentOutOfRangeException.ThrowIfNegative(classes);
        ArgumentNullException.ThrowIfNull(ops);
        LatentSize = latentSize;
        Classes = classes;
        Ops = [.. ops];
        int[] shape = [latentSize];
        for (int i = 0; i < Ops.Count; i++)
        {
            shape = ShapeAfter(Ops[i], shape, classes, i);
        }

        OutputSize = shape.Aggregate(1, (a, b) => a * b);
    }

    /// <summary>Latent dimensions the decoder takes.</summary>
    public int LatentSize { get; }

    /// <summary>Label values of a conditional decoder; 0 when it takes no label.</summary>
    public int Classes { get; }

    /// <summary>True when the decoder needs a label (it has a <see cref="ConcatLabelOp"/>).</summary>
    public bool IsConditional => Classes > 0;

    /// <summary>The ops, first to last.</summary>
    public IReadOnlyList<DecoderOp> Ops { get; }

    /// <summary>Values the last op produces (the flattened pixels).</summary>
    public int OutputSize { get; }

    /// <summary>Float32 weights and biases the page carries (4 bytes each).</summary>
    public long ParameterCount => Ops.Sum(op => op switch
    {
        LinearOp l => (long)l.Weight.Count + l.Bias.Count,
        Conv2dOp c => (long)c.Weight.Count + c.Bias.Count,
        ConvTranspose2dOp t => (long)t.Weight.Count + t.Bias.Count,
        _ => 0L,
    });

    /// <summary>The shape <paramref name="op"/> makes of <paramref name="shape"/>; throws naming op <paramref name="index"/> when it cannot run on it.</summary>
    internal static int[] ShapeAfter(DecoderOp op, int[] shape, int classes, int index)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"op {index} ({op.Kind}) on shape [{string.Join(", ", shape)}]");
        int count = shape.Aggregate(1, (a, b) => a * b);
        switch (op)
        {
            case LinearOp l:
                Require(shape.Length == 1 && shape[0] == l.In, where, $"needs a flat vector of {l.In}");
                Require(l.Weight.Count == l.In * l.Out && l.Bias.Count == l.Out, where, "has weights of the wrong size");
                return [l.Out];
            case ActivationOp:
                return shape;
            case ReshapeOp r:
                Require(r.Shape.Count is 1 or 3 && r.Shape.All(d => d > 0) && r.Shape.Aggregate(1, (a, b) => a * b) == count, where,
                    $"cannot become [{string.Join(", ", r.Shape)}] (a flat [n] or [C, H, W] of the same count)");
                return [.. r.Shape];
            case ConcatLabelOp c:
                Require(shape.Length == 1 && c.Classes == classes && classes > 0, where, $"needs a flat vector and the program's {classes} classes");
                return [shape[0] + c.Classes];
            case Conv2dOp c:
                Require(shape.Length == 3 && shape[0] == c.InChannels, where, $"needs [{c.InChannels}, H, W]");
                Require(c.Weight.Count == c.OutChannels * c.InChannels * c.KernelSize * c.KernelSize && c.Bias.Count == c.OutChannels, where, "has weights of the wrong size");
                return [c.OutChannels, ((shape[1] + (2 * c.Padding) - c.KernelSize) / c.Stride) + 1, ((shape[2] + (2 * c.Padding) - c.KernelSize) / c.Stride) + 1];
            case ConvTranspose2dOp t:
                Require(shape.Length == 3 && shape[0] == t.InChannels, where, $"needs [{t.InChannels}, H, W]");
                Require(t.Weight.Count == t.InChannels * t.OutChannels * t.KernelSize * t.KernelSize && t.Bias.Count == t.OutChannels, where, "has weights of the wrong size");
                return [t.OutChannels, TransposedSide(shape[1], t), TransposedSide(shape[2], t)];
            default:
                throw new ArgumentException($"{where}: unknown op type {op.GetType().Name}.", nameof(op));
        }
    }

    private static int TransposedSide(int side, ConvTranspose2dOp t) => ((side - 1) * t.Stride) - (2 * t.Padding) + t.KernelSize + t.OutputPadding;

    private static void Require(bool condition, string where, string what)
    {
        if (!condition)
        {
            throw new ArgumentException($"The decoder program does not chain: {where} {what}.", "ops");
        }
    }
}
