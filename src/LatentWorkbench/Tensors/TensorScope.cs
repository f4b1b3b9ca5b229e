namespace LatentWorkbench.Tensors;

/// <summary>
/// A per-step arena: tensors created on this thread while the scope is active borrow pooled storage,
/// which is reclaimed when the scope is disposed. Wrap each training step in one so that steady-state
/// steps allocate (almost) no managed memory.
/// </summary>
/// <remarks>
/// Tensors created inside the scope must not be used after it ends (they throw a clear error); read scalars
/// with <see cref="Tensor.Item"/> or copy with <see cref="Tensor.ToArray"/> first. Parameters and their
/// gradients are never pooled. Scopes nest; each thread has its own pool.
/// </remarks>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic]
    private static TensorScope? t_current;

    [ThreadStatic]
    private static BufferPool? t_pool;

    [ThreadStatic]
    private static Stack<TensorScope>? t_spare;

    private readonly List<Tensor> _tracked = new(256);
    private TensorScope? _outer;
    private bool _active;

    private TensorScope()
    {
    }

    internal static TensorScope? Current => t_current;

    internal BufferPool Pool { get; private set; } = null!;

    /// <summary>Starts a scope on the current thread (scopes are recycled, so this does not allocate in steady state).</summary>
    public static TensorScope Begin()
    {
        t_pool ??= new BufferPool();
        t_spare ??= new Stack<TensorScope>();
        var scope = t_spare.TryPop(out var spare) ? spare : new TensorScope();
        scope.Pool = t_pool;
        scope._outer = t_current;
        scope._active = true;
        t_current = scope;
        return scope;
    }

    internal void Track(Tensor tensor) => _tracked.Add(tensor);

    /// <summary>Returns every pooled buffer created in the scope and invalidates its tensors.</summary>
    public void Dispose()
    {
        if (!_active)
        {
            return;
        }

        if (t_current != this)
        {
            throw new InvalidOperationException("TensorScopes must be disposed in reverse order of creation, on the thread that began them.");
        }

        foreach (var tensor in _tracked)
        {
            if (tensor.OwnsPooledBuffer)
            {
                Pool.Return(tensor.Buffer);
            }

            tensor.Release();
            tensor.Parents = null;
            tensor.BackwardFn = null;
            tensor.Grad = null;
        }

        _tracked.Clear();
        t_current = _outer;
        _outer = null;
        _active = false;
        t_spare!.Push(this);
    }
}
