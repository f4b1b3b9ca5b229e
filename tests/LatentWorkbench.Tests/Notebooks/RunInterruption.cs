namespace LatentWorkbench.Tests.Notebooks;

/// <summary>Lets a notebook cell press "Ctrl-C" on the run that executes it: the test hands its token source here.</summary>
public static class RunInterruption
{
    private static CancellationTokenSource? _source;

    /// <summary>The source a cell's <see cref="Interrupt"/> cancels.</summary>
    internal static CancellationTokenSource? Source
    {
        get => Volatile.Read(ref _source);
        set => Volatile.Write(ref _source, value);
    }

    /// <summary>Cancels the current run (called from inside a notebook cell).</summary>
    public static void Interrupt() => Source?.Cancel();
}
