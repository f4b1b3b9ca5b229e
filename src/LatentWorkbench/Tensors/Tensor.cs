using LatentWorkbench.Autograd;

namespace LatentWorkbench.Tensors;

/// <summary>
/// A float32 tensor: contiguous row-major storage of rank 0 to 4, optionally recording the operations
/// applied to it so that <see cref="Backward"/> can compute gradients (reverse-mode autograd).
/// </summary>
/// <remarks>
/// Element (i₀, …, i_{r-1}) lives at <c>offset + Σ iₖ·strideₖ</c> with strideₖ = Π_{j&gt;k} shapeⱼ.
/// Views (<see cref="Reshape"/>, <see cref="Rows"/>) share storage with their source. Tensors created inside a
/// <see cref="TensorScope"/> borrow pooled storage that is reclaimed when the scope ends.
/// </remarks>
public sealed partial class Tensor
{
    /// <summary>The largest supported rank.</summary>
    public const int MaxRank = 4;

    private float[]? _buffer;
    private readonly int[] _shape;

    internal Tensor(float[] buffer, int offset, int[] shape, bool pooled = false)
    {
        _buffer = buffer;
        Offset = offset;
        _shape = shape;
        Length = ShapeMath.ElementCount(shape);
        OwnsPooledBuffer = pooled;
    }

    /// <summary>The size of each dimension (outermost first).</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>The size of dimension <paramref name="axis"/>; negative axes count from the end.</summary>
    public int Dim(int axis) => _shape[ShapeMath.NormalizeAxis(axis, Rank, nameof(axis))];

    /// <summary>Whether gradients flow to this tensor (set on parameters; propagated to op results).</summary>
    public bool RequiresGrad { get; set; }

    /// <summary>The accumulated gradient (same shape), or null before the first backward pass.</summary>
    public Tensor? Grad
    {
        get
        {
            if (_gradIsLogicallyZero)
            {
                _grad!.Span.Clear();
                _gradIsLogicallyZero = false;
            }

            return _grad;
        }

        internal set
        {
            _grad = value;
            _gradIsLogicallyZero = false;
        }
    }

    private Tensor? _grad;

    // ZeroGrad only marks the gradient as zero; the first kernel that writes it then overwrites instead of
    // adding (GEMM with β = 0), which saves clearing and re-reading every weight gradient each step.
    private bool _gradIsLogicallyZero;

    /// <summary>An optional name shown in diagnostics (parameters carry their dotted module path).</summary>
    public string? Name { get; set; }

    /// <summary>True for tensors not produced by a recorded operation (inputs and parameters).</summary>
    public bool IsLeaf => BackwardFn is null;

    internal int Offset { get; }

    internal int[] ShapeArray => _shape;

    internal bool OwnsPooledBuffer { get; }

    internal float[] Buffer => _buffer ?? throw new InvalidOperationException(
        $"Tensor{ShapeMath.Format(_shape)} was created inside a TensorScope that has ended; copy what you need (ToArray) before the scope is disposed.");

    /// <summary>The elements as a span (row-major). Writing through it bypasses autograd.</summary>
    public Span<float> AsSpan() => Buffer.AsSpan(Offset, Length);

    internal Span<float> Span => Buffer.AsSpan(Offset, Length);

    // Autograd graph: the inputs of the op that produced this tensor, and how to push this tensor's
    // gradient into theirs. Both are cleared once backward has run (the graph is released).
    internal Tensor[]? Parents { get; set; }

    internal Action? BackwardFn { get; set; }

    internal int VisitStamp { get; set; }

    internal bool GraphReleased { get; set; }

    internal void Release() => _buffer = null;

    /// <summary>Copies the elements into a new array.</summary>
    public float[] ToArray() => Span.ToArray();

    /// <summary>The value of a one-element tensor.</summary>
    public float Item() => Length == 1
        ? Span[0]
        : throw new InvalidOperationException($"Item() needs a tensor with one element; this one has shape {ShapeMath.Format(_shape)}.");

    /// <summary>The element at the given indices (one per dimension).</summary>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public float this[params int[] indices]
    {
        get => Span[ShapeMath.FlatIndex(_shape, indices)];
        set => Span[ShapeMath.FlatIndex(_shape, indices)] = value;
    }

    /// <summary>
    /// Computes d(this)/d(leaf) for every leaf that requires gradients and adds it to the leaf's <see cref="Grad"/>.
    /// </summary>
    /// <param name="gradient">dL/d(this); may be omitted when this tensor has one element (then 1).</param>
    /// <remarks>Intermediate gradients are not kept and the graph is released afterwards.</remarks>
    public void Backward(Tensor? gradient = null) => Backprop.Run(this, gradient);

    /// <summary>A tensor sharing this one's storage but cut from the graph (no gradient flows through it).</summary>
    public Tensor Detach() => TensorStorage.View(this, Offset, _shape);

    /// <summary>Sets the gradient to zero (keeps its storage so that steady-state steps do not allocate).</summary>
    public void ZeroGrad() => _gradIsLogicallyZero = _grad is not null;

    /// <summary>The gradient buffer to accumulate into, created (zeroed) on first use.</summary>
    internal Span<float> GradSpan() => EnsureGrad().Span;

    /// <summary>
    /// The gradient buffer for a kernel that can either overwrite or accumulate: <paramref name="beta"/> is 0 when
    /// the gradient is logically zero (overwrite), 1 otherwise (add).
    /// </summary>
    internal Span<float> GradTarget(out float beta)
    {
        if (_gradIsLogicallyZero)
        {
            _gradIsLogicallyZero = false;
            beta = 0f;
            return _grad!.Span;
        }

        beta = 1f;
        return EnsureGrad().Span;
    }

    private Tensor EnsureGrad()
    {
        if (_gradIsLogicallyZero)
        {
            _grad!.Span.Clear();
            _gradIsLogicallyZero = false;
        }

        // Leaves (parameters) keep their gradient across steps: never borrow it from a scope's pool.
        return _grad ??= IsLeaf ? new Tensor(new float[Length], 0, _shape) : TensorStorage.Create(_shape, clear: true);
    }
}
