using System.Text;

namespace LatentWorkbench.Figures;

/// <summary>What <see cref="FigureFolder.Save"/> wrote, and what it could not write and why.</summary>
/// <param name="Folder">The folder written to (full path).</param>
/// <param name="Files">Every file written (full paths), figure by figure.</param>
/// <param name="Skipped">One line per format that could not be written, with the reason (e.g. Chromium missing for PNG).</param>
public sealed record SavedFigures(string Folder, IReadOnlyList<string> Files, IReadOnlyList<string> Skipped)
{
    /// <summary>
    /// The folder, the files' names and any skipped formats, one per line (what a notebook cell shows). A folder under
    /// the run's output is named relative to it: the runner writes into a staging folder that is renamed when the run
    /// succeeds, so its full path would be stale in the executed notebook.
    /// </summary>
    public override string ToString()
    {
        string? output = Environment.GetEnvironmentVariable(FigureFolder.OutputVariable);
        string folder = Folder;
        if (!string.IsNullOrWhiteSpace(output))
        {
            string relative = Path.GetRelativePath(Path.GetFullPath(output), Folder);
            folder = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Folder : $"{relative.Replace('\\', '/')} in this run's output folder";
        }

        var text = new StringBuilder().Append("Saved ").Append(Files.Count).Append(" files to ").Append(folder).Append(':');
        foreach (string file in Files)
        {
            text.Append("\n  ").Append(Path.GetFileName(file));
        }

        foreach (string skipped in Skipped)
        {
            text.Append("\n  skipped: ").Append(skipped);
        }

        return text.ToString();
    }
}
