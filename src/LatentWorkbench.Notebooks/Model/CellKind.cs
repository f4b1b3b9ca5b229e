namespace LatentWorkbench.Notebooks.Model;

/// <summary>The kind of a notebook cell, as nbformat's <c>cell_type</c> names it.</summary>
public enum CellKind
{
    /// <summary>A C# cell that the runner executes (<c>"code"</c>).</summary>
    Code,

    /// <summary>Prose (<c>"markdown"</c>); never executed.</summary>
    Markdown,

    /// <summary>Unrendered text (<c>"raw"</c>); never executed.</summary>
    Raw,
}
