namespace LatentWorkbench.Notebooks.Execution;

/// <summary>Where a code cell is in a run.</summary>
public enum CellStatus
{
    /// <summary>The cell has started.</summary>
    Running,

    /// <summary>The cell finished without an exception.</summary>
    Completed,

    /// <summary>The cell threw (or did not compile); no later cell runs.</summary>
    Failed,
}
