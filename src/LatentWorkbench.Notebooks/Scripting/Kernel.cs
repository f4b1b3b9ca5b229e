namespace LatentWorkbench.Notebooks.Scripting;

/// <summary>
/// The helpers a notebook cell can call without qualification, mirroring <c>Microsoft.DotNet.Interactive.Kernel</c>
/// (which the real C# kernel imports with <c>using static</c>): <c>display(...)</c> and <c>HTML(...)</c>.
/// </summary>
/// <remarks>
/// The names keep the kernel's lower-case <c>display</c> so that a notebook runs unchanged in VS Code and here.
/// Outputs go to the cell that is running on the current asynchronous flow.
/// </remarks>
public static class Kernel
{
    private static readonly AsyncLocal<CellOutputCollector?> CurrentCell = new();

    /// <summary>The output collector of the cell running on this asynchronous flow, or null outside a cell.</summary>
    internal static CellOutputCollector? Current
    {
        get => CurrentCell.Value;
        set => CurrentCell.Value = value;
    }

    /// <summary>Displays <paramref name="value"/> in the running cell's output.</summary>
    /// <param name="value">The value; rendered by its convention-based formatters when its type declares them, else by the defaults.</param>
    /// <param name="mimeTypes">The representations to produce; none means the type's preferred ones.</param>
    /// <returns>A handle whose <see cref="DisplayedValue.Update"/> replaces this output in place.</returns>
#pragma warning disable IDE1006 // the kernel's lower-case name, so notebooks run unchanged in both hosts
    public static DisplayedValue display(object? value, params string[] mimeTypes) =>
#pragma warning restore IDE1006
        RequireCell().Display(value, mimeTypes);

    /// <summary>Marks <paramref name="html"/> as HTML, so displaying it writes a <c>text/html</c> output as is.</summary>
#pragma warning disable IDE1006 // the kernel's upper-case name
    public static HtmlContent HTML(string html) => new(html ?? string.Empty);
#pragma warning restore IDE1006

    internal static CellOutputCollector RequireCell() =>
        Current ?? throw new InvalidOperationException("display(...) can only be called while a notebook cell runs (no cell is running on this thread).");
}
