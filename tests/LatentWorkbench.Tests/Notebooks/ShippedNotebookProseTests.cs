using System.Text.RegularExpressions;
using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Tests.Notebooks;

/// <summary>
/// A shipped notebook's markdown explains what to look for; it does not state measured numbers, which a rerun with
/// another seed or other parameters would contradict (those sentences are written by cells, from the values they
/// measured: <c>LatentWorkbench.Reporting.Findings</c>). Numbers in formulas (<c>$…$</c>), in code spans and in
/// links are not prose; the published numbers the notebooks cite and the constants of definitions are listed below,
/// each with its reason.
/// </summary>
public sealed partial class ShippedNotebookProseTests
{
    // Text around a number that is not our measurement: (notebook prefix, the words that must surround it) → why.
    private static readonly (string Notebook, string Context, string Why)[] Allowed =
    [
        ("02", "**3.00**", "Hinton & Salakhutdinov's published test error"),
        ("02", "**13.87**", "Hinton & Salakhutdinov's published PCA error"),
        ("02", "Salakhutdinov's 3.00", "the same published error, cited again"),
        ("02", "0.5 = chance", "the definition of AUROC's chance level"),
        ("03", "105.45", "pytorch/examples' published test loss"),
        ("03", "log 5 ≈ 1.61", "arithmetic of a definition"),
        ("04", "(umap-learn's defaults)", "umap-learn's published default min_dist"),
        ("06", "> 0.01", "the library's threshold for an active unit (Burda et al.'s)"),
        ("06", "just over 0.01", "the same threshold"),
        ("06", "least 1%", "the library's threshold for a covered class"),
        ("06", "ln 10 ≈ 2.30", "arithmetic of a definition"),
    ];

    public static TheoryData<string> Notebooks => ShippedNotebookTests.Notebooks;

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Markdown_States_No_Measured_Number(string name)
    {
        var notebook = Notebook.Load(Path.Combine(NotebookTestFiles.RepositoryRoot, "notebooks", name));
        var found = new List<string>();
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Markdown))
        {
            string prose = Prose(cell.Source);
            foreach (Match match in MeasuredNumber().Matches(prose))
            {
                string around = prose[Math.Max(0, match.Index - 40)..Math.Min(prose.Length, match.Index + match.Length + 40)];
                bool allowed = Allowed.Any(a => name.StartsWith(a.Notebook, StringComparison.Ordinal) && around.Contains(a.Context, StringComparison.Ordinal));
                if (!allowed)
                {
                    found.Add($"cell {cell.Id}: …{around.ReplaceLineEndings(" ")}…");
                }
            }
        }

        Assert.True(found.Count == 0, $"{name}: markdown states numbers a rerun can change; write them from a cell (Findings) or cite their source:\n{string.Join("\n", found)}");
    }

    // Formulas, code spans and link targets are not prose.
    private static string Prose(string markdown)
    {
        string text = DisplayMath().Replace(markdown, " ");
        text = InlineMath().Replace(text, " ");
        text = CodeSpan().Replace(text, " ");
        return LinkTarget().Replace(text, "]");
    }

    // A decimal (0.958), a percentage (66.5 %, 99%) or a spread (±).
    [GeneratedRegex(@"\d+\.\d+|\d+(?:\.\d+)?\s?%|±")]
    private static partial Regex MeasuredNumber();

    [GeneratedRegex(@"\$\$.*?\$\$", RegexOptions.Singleline)]
    private static partial Regex DisplayMath();

    [GeneratedRegex(@"\$[^$\n]*\$")]
    private static partial Regex InlineMath();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();
}
