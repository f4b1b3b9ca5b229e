using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Notebooks.Execution;

/// <summary>
/// Turns a code cell's text into the C# the runner submits: a leading C# kernel selector (<c>#!csharp</c>,
/// <c>#!c#</c>) is blanked (keeping line numbers), and what only the real kernel can do is rejected with a
/// message naming the cell: other kernels, magic commands (<c>#!time</c>, <c>#!set</c>...), <c>#r "nuget:..."</c>
/// and <c>#i</c> package sources.
/// </summary>
internal static class CellSource
{
    private static readonly string[] CSharpSelectors = ["#!csharp", "#!c#", "#!C#"];

    /// <summary>The code to submit for <paramref name="cell"/> (1-based <paramref name="cellNumber"/> names it in errors).</summary>
    /// <exception cref="NotebookValidationException">The cell uses something the runner does not support.</exception>
    public static string Prepare(NotebookCell cell, int cellNumber, string origin)
    {
        string where = $"{origin}: cell {cellNumber} (id {cell.Id})";
        string? kernel = PolyglotMetadata.KernelNameOf(cell);
        if (kernel is not null && !string.Equals(kernel, PolyglotMetadata.CSharpKernelName, StringComparison.OrdinalIgnoreCase) && kernel != "C#")
        {
            throw new NotebookValidationException($"{where} is a '{kernel}' cell; the runner executes C# cells only.");
        }

        string[] lines = cell.Source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                if (CSharpSelectors.Contains(line, StringComparer.Ordinal))
                {
                    lines[i] = string.Empty;
                    continue;
                }

                throw new NotebookValidationException(
                    $"{where}, line {i + 1}: '{line}' is a magic command or kernel selector the runner does not support; only plain C#, #r \"file.dll\" and display(...) run here.");
            }

            if (IsDirective(line, "#r") && line.Contains("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                throw new NotebookValidationException(
                    $"{where}, line {i + 1}: '{line}' needs a NuGet restore, which the runner does not do; reference a built DLL with #r \"path/to.dll\" instead.");
            }

            if (IsDirective(line, "#i"))
            {
                throw new NotebookValidationException($"{where}, line {i + 1}: '{line}' adds a NuGet package source, which the runner does not support.");
            }
        }

        return string.Join('\n', lines);
    }

    private static bool IsDirective(string line, string directive) =>
        line.StartsWith(directive, StringComparison.Ordinal) && line.Length > directive.Length && char.IsWhiteSpace(line[directive.Length]);
}
