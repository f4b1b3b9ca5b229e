using System.Text;
using System.Text.Json;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Notebooks.Parameters;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LatentWorkbench.Notebooks.Twins;

/// <summary>Writes a notebook as its twin (<see cref="TwinSyntax"/>): every cell in order, with what a file-based program needs to run it.</summary>
public static class TwinWriter
{
    /// <summary>The twin's text for <paramref name="notebook"/>, read from <paramref name="notebookPath"/> (named in the header and in errors).</summary>
    /// <exception cref="TwinFormatException">A cell holds something a file-based program cannot (a magic command, a <c>#r</c> outside the first code cell, a using directive after it); the message names the cell and line.</exception>
    public static string Write(Notebook notebook, string notebookPath)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        string name = Path.GetFileName(notebookPath);
        string twin = TwinSyntax.TwinFileName(notebookPath);
        var text = new StringBuilder()
            .Append("// ").Append(twin).Append(": the twin of ").Append(name).Append(", a .NET 10 file-based program that runs it without a notebook kernel.\n")
            .Append("// Written by `workbench notebooks pair`; after editing either file, pair again (`notebooks pair --to ipynb` takes this file's edits back).\n")
            .Append("// Run: dotnet run notebooks/").Append(twin).Append(" -- [--quick] [--set name=value]... [--out DIR]\n")
            .Append("// Lines ending in \"// twin\", and display(/*twin*/ … /*twin*/); around a cell's last value, are the twin's own.\n")
            // A file-based program defaults to native AOT, which rules out the reflection that JSON, the kernel's formatting and TorchSharp use.
            .Append("#:property PublishAot=false\n")
            .Append("#:property TreatWarningsAsErrors=false\n")
            .Append('\n');

        int codeCells = 0;
        int total = notebook.Cells.Count(c => c.Kind == CellKind.Code);
        for (int index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            text.Append(Marker(cell)).Append('\n');
            string body = cell.Kind == CellKind.Markdown
                ? string.Join('\n', cell.Source.Split('\n').Select(line => line.Length == 0 ? "//" : "// " + line))
                : Code(cell, ++codeCells, total, $"{name}: cell {index + 1} (id {cell.Id})");
            if (index == notebook.Cells.Count - 1)
            {
                body += $"\n{TwinSyntax.Host}.End();" + TwinSyntax.AddedLineSuffix;
            }

            text.Append(body).Append("\n\n");
        }

        return text.ToString();
    }

    private static string Marker(NotebookCell cell)
    {
        var marker = new StringBuilder(TwinSyntax.CellMarker);
        if (cell.Kind == CellKind.Markdown)
        {
            marker.Append(' ').Append(TwinSyntax.MarkdownMarker);
        }

        marker.Append(" id=\"").Append(cell.Id).Append('"');
        if (cell.Tags.Count > 0)
        {
            marker.Append(" tags=").Append(JsonSerializer.Serialize(cell.Tags));
        }

        return marker.ToString();
    }

    // A code cell: its trailing value displayed, magic lines translated, and the twin's own lines added (the host's
    // start after the first cell's usings, a progress line before every later cell, parameters read after the
    // parameters cell's defaults).
    private static string Code(NotebookCell cell, int number, int total, string where)
    {
        var tree = CSharpSyntaxTree.ParseText(cell.Source, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
        var root = (CompilationUnitSyntax)tree.GetRoot();
        if (number > 1 && root.Usings.Count > 0)
        {
            throw new TwinFormatException(
                $"{where}: a using directive ('{root.Usings[0]}') after the first code cell cannot be paired, since a C# file takes using directives only before its first statement; move it to the first code cell.");
        }

        string source = WithValueDisplayed(cell.Source, root);
        var lines = source.Split('\n').Select((line, i) => Translate(line, number, $"{where}, line {i + 1}")).ToList();
        if (number == 1)
        {
            lines.Add("using static LatentWorkbench.Twins.TwinDisplay;" + TwinSyntax.AddedLineSuffix);
            lines.Add($"{TwinSyntax.Host}.Start(args);" + TwinSyntax.AddedLineSuffix);
        }
        else
        {
            lines.Insert(0, $"{TwinSyntax.Host}.Cell({number}, {total}, \"{cell.Id}\");" + TwinSyntax.AddedLineSuffix);
        }

        if (cell.HasTag(NotebookCell.ParametersTag))
        {
            foreach (var parameter in ParametersCell.Parse(cell.Source))
            {
                lines.Add($"{parameter.Name} = {TwinSyntax.Host}.Parameter(nameof({parameter.Name}), {parameter.Name});" + TwinSyntax.AddedLineSuffix);
            }
        }

        return string.Join('\n', lines);
    }

    // A notebook shows a cell's trailing expression (no semicolon); a program must say display(...).
    private static string WithValueDisplayed(string source, CompilationUnitSyntax root)
    {
        if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement })
        {
            var span = statement.Expression.Span;
            return source[..span.Start] + TwinSyntax.ValueOpen + source[span.Start..span.End] + TwinSyntax.ValueClose + source[span.End..];
        }

        return source;
    }

    private static string Translate(string line, int cellNumber, string where)
    {
        string trimmed = line.Trim();
        if (trimmed == TwinSyntax.LibraryReference)
        {
            return cellNumber == 1
                ? TwinSyntax.TwinProjectReference
                : throw new TwinFormatException($"{where}: the library's #r must be in the first code cell (a file-based program's #: directives come before its first statement).");
        }

        if (trimmed.StartsWith("#r \"nuget:", StringComparison.Ordinal) && trimmed.EndsWith('"'))
        {
            string[] package = trimmed["#r \"nuget:".Length..^1].Split(',', StringSplitOptions.TrimEntries);
            return cellNumber == 1 && package.Length == 2
                ? $"#:package {package[0]}@{package[1]}"
                : throw new TwinFormatException($"{where}: '{trimmed}' must be in the first code cell and name a package and a version (#r \"nuget: Name, 1.2.3\").");
        }

        return trimmed.StartsWith("#r ", StringComparison.Ordinal) || trimmed.StartsWith("#!", StringComparison.Ordinal) || trimmed.StartsWith("#i ", StringComparison.Ordinal)
            ? throw new TwinFormatException($"{where}: '{trimmed}' is a notebook magic command with no file-based equivalent (supported: the library's #r and #r \"nuget: Name, Version\").")
            : line;
    }
}
