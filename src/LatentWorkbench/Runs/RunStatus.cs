namespace LatentWorkbench.Runs;

/// <summary>Where a recorded run stands.</summary>
public enum RunStatus
{
    /// <summary>Begun and not finished: its process is still training (or runs on another host, where the store cannot look).</summary>
    Running,

    /// <summary>Finished with a checkpoint; the only status the cache returns.</summary>
    Completed,

    /// <summary>Ended with an error (the run's message says which); never shadows a completed run.</summary>
    Failed,

    /// <summary>Its process ended without finishing it (killed, crashed, the machine went down); found when the store is opened or listed.</summary>
    Interrupted,
}
