namespace LatentWorkbench.Common;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler on the reporting thread, in order.
/// </summary>
/// <remarks>
/// <see cref="Progress{T}"/> posts to a synchronization context or the thread pool, so messages can
/// arrive late or out of order in a console app; progress lines must not.
/// </remarks>
public sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value) => handler(value);
}
