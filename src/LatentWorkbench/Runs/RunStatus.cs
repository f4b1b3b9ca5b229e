namespace LatentWorkbench.Runs;

/// <summary>Where a recorded run stands.</summary>
public enum RunStatus
{
    /// <summary>Begun and not finished: still training, or its process died without saying so.</summary>
    Running,

    /// <summary>Finished with a checkpoint; the only status the cache returns.</summary>
    Completed,

    /// <summary>Ended with an error (the run's message says which); never shadows a completed run.</summary>
    Failed,
}
