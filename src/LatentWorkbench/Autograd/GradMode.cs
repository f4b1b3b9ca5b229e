namespace LatentWorkbench.Autograd;

/// <summary>Whether operations are being recorded for backpropagation on the current thread.</summary>
public static class GradMode
{
    [ThreadStatic]
    private static int t_disabledDepth;

    /// <summary>True unless a <see cref="NoGrad"/> scope is active on this thread.</summary>
    public static bool IsEnabled => t_disabledDepth == 0;

    /// <summary>Stops recording until the returned scope is disposed (evaluation, optimizer updates).</summary>
    public static NoGradScope NoGrad()
    {
        t_disabledDepth++;
        return new NoGradScope(true);
    }

    internal static void Exit() => t_disabledDepth--;
}

/// <summary>Ends a <see cref="GradMode.NoGrad"/> region when disposed.</summary>
public readonly struct NoGradScope : IDisposable, IEquatable<NoGradScope>
{
    private readonly bool _active;

    internal NoGradScope(bool active) => _active = active;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_active)
        {
            GradMode.Exit();
        }
    }

    /// <inheritdoc/>
    public bool Equals(NoGradScope other) => _active == other._active;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NoGradScope other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _active.GetHashCode();

    /// <summary>Value equality.</summary>
    public static bool operator ==(NoGradScope left, NoGradScope right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(NoGradScope left, NoGradScope right) => !left.Equals(right);
}
