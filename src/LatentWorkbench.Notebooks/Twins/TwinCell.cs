using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Notebooks.Twins;

/// <summary>One cell as a twin holds it: kind, id (null for a cell written in the twin), tags and the notebook's source.</summary>
/// <param name="Kind">Code or markdown.</param>
/// <param name="Id">The notebook cell's id, or null for a new cell.</param>
/// <param name="Tags">The cell's tags (<c>parameters</c>).</param>
/// <param name="Source">The source as the notebook holds it (the twin's additions removed, markdown uncommented).</param>
/// <param name="Line">The 1-based line of the cell's marker in the twin, for error messages.</param>
public sealed record TwinCell(CellKind Kind, string? Id, IReadOnlyList<string> Tags, string Source, int Line);
