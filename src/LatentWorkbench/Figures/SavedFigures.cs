using System.Text;

namespace LatentWorkbench.Figures;

/// <summary>What <see cref="FigureFolder.Save"/> wrote, and what it could not write and why.</summary>
/// <param name="Folder">The folder written to (full path).</param>
/// <param name="Files">Every file written (full paths), figure by figure.</param>
/// <param name="Skipped">One line per format that could not be written, with the reason (e.g. Chromium missing for PNG).</param>
public sealed record SavedFigures(string Folder, IReadOnlyList<string> Files, IReadOnlyList<string> Skipped)
{
    /// <summary>The folder, the files' names and any skipped formats, one per line (what a notebook cell shows).</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append("Saved ").Append(Files.Count).Append(" files to ").Append(Folder).Append(':');
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
