namespace LatentWorkbench.Notebooks.Execution;

/// <summary>The cell that stopped a run.</summary>
/// <param name="CellNumber">Its 1-based position among all cells.</param>
/// <param name="CellId">Its nbformat id.</param>
/// <param name="ExceptionType">The exception's type name (<c>CompilationErrorException</c> when it did not compile).</param>
/// <param name="Message">The exception's message.</param>
/// <param name="Traceback">The traceback lines written to the error output.</param>
public sealed record CellFailure(int CellNumber, string CellId, string ExceptionType, string Message, IReadOnlyList<string> Traceback);
