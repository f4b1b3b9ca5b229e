namespace LatentWorkbench.Tensors;

public sealed partial class Tensor
{
    /// <summary>A tensor of zeros with the given shape.</summary>
    public static Tensor Zeros(params int[] shape) => Create(shape, clear: true, nameof(shape));

    /// <summary>A tensor of ones with the given shape.</summary>
    public static Tensor Ones(params int[] shape) => Full(1f, shape);

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    public static Tensor Full(float value, params int[] shape)
    {
        var t = Create(shape, clear: false, nameof(shape));
        t.Span.Fill(value);
        return t;
    }

    /// <summary>A one-element tensor of rank 0.</summary>
    public static Tensor Scalar(float value) => Full(value);

    /// <summary>A tensor holding a copy of <paramref name="values"/>, viewed with <paramref name="shape"/> (default: 1-D).</summary>
    public static Tensor FromArray(ReadOnlySpan<float> values, params int[] shape)
    {
        int[] s = shape.Length == 0 ? [values.Length] : (int[])shape.Clone();
        var t = Create(s, clear: false, nameof(shape));
        if (t.Length != values.Length)
        {
            throw new ArgumentException($"Shape {ShapeMath.Format(s)} holds {t.Length} elements but {values.Length} values were given.", nameof(shape));
        }

        values.CopyTo(t.Span);
        return t;
    }

    /// <summary>A tensor over <paramref name="values"/> without copying (the array becomes the tensor's storage).</summary>
    public static Tensor Wrap(float[] values, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        int[] s = shape.Length == 0 ? [values.Length] : (int[])shape.Clone();
        ShapeMath.Validate(s, nameof(shape));
        if (ShapeMath.ElementCount(s) != values.Length)
        {
            throw new ArgumentException($"Shape {ShapeMath.Format(s)} does not hold the {values.Length} values given.", nameof(shape));
        }

        return new Tensor(values, 0, s);
    }

    /// <summary>Uniform draws in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static Tensor Rand(TensorRandom random, int[] shape, float low = 0f, float high = 1f)
    {
        ArgumentNullException.ThrowIfNull(random);
        var t = Create(shape, clear: false, nameof(shape));
        random.FillUniform(t.Span, low, high);
        return t;
    }

    /// <summary>Standard normal draws.</summary>
    public static Tensor Randn(TensorRandom random, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        var t = Create(shape, clear: false, nameof(shape));
        random.FillNormal(t.Span);
        return t;
    }

    /// <summary>One-hot rows: result[i, labels[i]] = 1, shape [labels.Length, classes].</summary>
    public static Tensor OneHot(ReadOnlySpan<int> labels, int classes)
    {
        var t = Zeros(labels.Length, classes);
        var span = t.Span;
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"Label {labels[i]} at row {i} is outside [0, {classes}).");
            }

            span[(i * classes) + labels[i]] = 1f;
        }

        return t;
    }

    /// <summary>A copy with its own storage (outside any graph).</summary>
    public Tensor Clone()
    {
        var t = TensorStorage.Create((int[])_shape.Clone(), clear: false);
        Span.CopyTo(t.Span);
        return t;
    }

    /// <summary>Marks this tensor as requiring gradients and returns it (for fluent construction of leaves).</summary>
    public Tensor RequireGrad()
    {
        RequiresGrad = true;
        return this;
    }

    internal static Tensor Create(int[] shape, bool clear, string parameter)
    {
        ShapeMath.Validate(shape, parameter);
        return TensorStorage.Create(shape, clear);
    }
}
