namespace LatentWorkbench.Notebooks.Execution;

/// <summary>A progress report for one code cell.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="CellNumber">The cell's 1-based position among all cells.</param>
/// <param name="CellCount">How many cells the notebook has.</param>
/// <param name="ExecutionCount">The cell's execution count (1 for the first code cell run).</param>
/// <param name="Status">Running, completed or failed.</param>
/// <param name="Elapsed">Time spent in the cell (zero when it starts).</param>
/// <param name="FirstLine">The cell's first non-blank line, to recognise it.</param>
public sealed record CellProgress(string Notebook, int CellNumber, int CellCount, int ExecutionCount, CellStatus Status, TimeSpan Elapsed, string FirstLine);
