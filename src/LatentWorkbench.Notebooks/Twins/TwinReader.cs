using System.Text.Json;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Notebooks.Parameters;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LatentWorkbench.Notebooks.Twins;

/// <summary>Reads a twin (<see cref="TwinSyntax"/>) back into notebook cells: markers, ids and tags, the twin's own additions removed.</summary>
public static class TwinReader
{
    /// <summary>The cells of the twin <paramref name="text"/>, read from <paramref name="origin"/> (named in errors).</summary>
    /// <exception cref="TwinFormatException">No cell marker, a marker that does not parse, a markdown line that is not a comment, or a parameters cell that is not valid C#; the message names the file and line.</exception>
    public static IReadOnlyList<TwinCell> Read(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        var starts = Enumerable.Range(0, lines.Length).Where(i => IsMarker(lines[i])).ToList();
        if (starts.Count == 0)
        {
            throw new TwinFormatException($"{origin}: no cell marker ('{TwinSyntax.CellMarker}' at the start of a line), so there are no cells to take back.");
        }

        var cells = new List<TwinCell>();
        for (int c = 0; c < starts.Count; c++)
        {
            int first = starts[c] + 1;
            int end = c + 1 < starts.Count ? starts[c + 1] : lines.Length;
            var body = lines[first..end].ToList();
            if (c + 1 == starts.Count && body.Count > 0 && body[^1].Length == 0)
            {
                body.RemoveAt(body.Count - 1);   // the file's final newline
            }

            if (body.Count > 0 && body[^1].Length == 0)
            {
                body.RemoveAt(body.Count - 1);   // the blank line the writer puts between cells
            }

            var (kind, id, tags) = ParseMarker(lines[starts[c]], $"{origin}, line {starts[c] + 1}");
            var kept = body.Select((line, i) => (Line: line, Number: first + i + 1)).Where(l => !l.Line.EndsWith(TwinSyntax.AddedLineSuffix, StringComparison.Ordinal)).ToList();
            string source = kind == CellKind.Markdown
                ? string.Join('\n', kept.Select(l => Uncomment(l.Line, $"{origin}, line {l.Number}")))
                : string.Join('\n', kept.Select(l => Untranslate(l.Line)))
                    .Replace(TwinSyntax.ValueOpen, string.Empty, StringComparison.Ordinal)
                    .Replace(TwinSyntax.ValueClose, string.Empty, StringComparison.Ordinal);
            if (tags.Contains(NotebookCell.ParametersTag))
            {
                CheckParameters(source, $"{origin}, the parameters cell at line {starts[c] + 1}", first);
            }

            cells.Add(new TwinCell(kind, id, tags, source, starts[c] + 1));
        }

        return cells;
    }

    private static bool IsMarker(string line) =>
        line == TwinSyntax.CellMarker || line.StartsWith(TwinSyntax.CellMarker + " ", StringComparison.Ordinal);

    // // %% [markdown] id="0a1b2c3d" tags=["parameters"]
    private static (CellKind Kind, string? Id, IReadOnlyList<string> Tags) ParseMarker(string line, string where)
    {
        string rest = line[TwinSyntax.CellMarker.Length..].Trim();
        var kind = CellKind.Code;
        if (rest.StartsWith(TwinSyntax.MarkdownMarker, StringComparison.Ordinal))
        {
            kind = CellKind.Markdown;
            rest = rest[TwinSyntax.MarkdownMarker.Length..].Trim();
        }

        string? id = null;
        IReadOnlyList<string> tags = [];
        while (rest.Length > 0)
        {
            if (rest.StartsWith("id=\"", StringComparison.Ordinal) && rest.IndexOf('"', 4) is int close and > 4)
            {
                id = rest[4..close];
                rest = rest[(close + 1)..].Trim();
            }
            else if (rest.StartsWith("tags=[", StringComparison.Ordinal) && rest.IndexOf(']', StringComparison.Ordinal) is int bracket and > 0)
            {
                try
                {
                    tags = JsonSerializer.Deserialize<string[]>(rest[5..(bracket + 1)]) ?? [];
                }
                catch (JsonException e)
                {
                    throw new TwinFormatException($"{where}: tags must be a JSON list of strings (tags=[\"parameters\"]); '{rest[5..(bracket + 1)]}' is not.", e);
                }

                rest = rest[(bracket + 1)..].Trim();
            }
            else
            {
                throw new TwinFormatException($"{where}: '{line}' is not a cell marker; expected '// %%' or '// %% [markdown]', then optionally id=\"…\" and tags=[…].");
            }
        }

        return (kind, id, tags);
    }

    private static string Uncomment(string line, string where) => line switch
    {
        "//" => string.Empty,
        _ when line.StartsWith("// ", StringComparison.Ordinal) => line[3..],
        _ => throw new TwinFormatException($"{where}: a markdown cell's lines are '//' comments; '{line}' is not (did a cell marker go missing above it?)."),
    };

    private static string Untranslate(string line)
    {
        string trimmed = line.Trim();
        if (trimmed == TwinSyntax.TwinProjectReference)
        {
            return TwinSyntax.LibraryReference;
        }

        if (trimmed.StartsWith("#:package ", StringComparison.Ordinal) && trimmed.Split('@') is [var name, var version])
        {
            return $"#r \"nuget: {name["#:package ".Length..]}, {version}\"";
        }

        return line;
    }

    private static void CheckParameters(string source, string where, int firstLine)
    {
        var tree = CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
        if (tree.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            int line = error.Location.GetLineSpan().StartLinePosition.Line;
            throw new TwinFormatException($"{where}: line {firstLine + line + 1} does not parse: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        if (ParametersCell.Parse(source).Count == 0)
        {
            throw new TwinFormatException($"{where}: the parameters cell declares no parameter (each is a declaration such as 'int epochs = 10;').");
        }
    }
}
