namespace LatentWorkbench.Autograd;

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
