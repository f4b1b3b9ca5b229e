namespace LatentWorkbench.Compute;

/// <summary>
/// Frees the native scalars TorchSharp leaves to the garbage collector, so that training memory does not depend on
/// when the collector happens to run.
/// </summary>
/// <remarks>
/// <para>
/// Every <c>double</c> that meets a tensor op (<c>x * 0.5</c>, <c>add_(g, alpha: 0.1)</c>, and six times per
/// parameter in each step of TorchSharp's own Adam) becomes a <c>TorchSharp.Scalar</c>: a 32-byte native
/// <c>c10::Scalar</c> that dispose scopes do not track and that is freed only by its finalizer (TorchSharp 0.107;
/// dotnet/TorchSharp#1434 is the open fix). glibc serves those small blocks by splitting the large blocks that
/// tensor buffers just freed, so while they wait for a finalizer the freed buffers cannot be reused and the heap
/// grows by roughly a step's worth of activations and gradients every step (about 1 GB an epoch for the seed VAE).
/// How long they wait depends on the garbage collector's gen-0 budget, which .NET sizes from the processor's cache:
/// the same code held 540 MB flat on one machine and grew to 10.6 GB on another (docs/engine.md, "Memory").
/// </para>
/// <para>
/// <see cref="Release"/> runs a gen-0 collection and the finalizers it queues. Training loops call it every
/// <see cref="StepsBetweenReleases"/> steps, after the step's dispose scope has closed, so the scalars of those
/// steps are unreachable and freed before the next buffers are allocated. Measured on this project's 2-core machine:
/// about 0.9 ms a release. The heap thresholds that keep the freed buffers for reuse are set when libtorch loads
/// (<see cref="TorchRuntime.HeapPolicy"/>).
/// </para>
/// </remarks>
public static class NativeScalars
{
    /// <summary>
    /// Steps between two releases in a training loop: a few steps' scalars fragment little, and a gen-0 collection of
    /// a small heap costs well under a millisecond, against several milliseconds a step.
    /// </summary>
    public const int StepsBetweenReleases = 4;

    /// <summary>Collects gen 0 and runs the finalizers it queued, freeing the native scalars no code can reach any more.</summary>
    public static void Release()
    {
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
    }
}
