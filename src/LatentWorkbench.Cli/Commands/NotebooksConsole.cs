using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Figures;
using Spectre.Console;

namespace LatentWorkbench.Cli.Commands;

/// <summary>Runs notebooks for the CLI: per-cell progress on stderr, one result line per notebook on stdout, the index page.</summary>
internal static class NotebooksConsole
{
    /// <summary>Exit code when a cell threw (as dotnet-repl).</summary>
    public const int CellFailed = 2;

    /// <summary>Runs <paramref name="notebooks"/> in order into <paramref name="outputDirectory"/>; a failed notebook does not stop the others.</summary>
    /// <returns>0 when every cell of every notebook ran, else <see cref="CellFailed"/>.</returns>
    public static async Task<int> RunAllAsync(
        IReadOnlyList<string> notebooks, IReadOnlyDictionary<string, string> parameters, bool quick, string outputDirectory, CancellationToken cancellationToken)
    {
        var console = CliAction.ProgressConsole;
        int failed = 0, figures = 0;
        foreach (string notebook in notebooks)
        {
            console.MarkupLine($"[bold]{Markup.Escape(Path.GetFileName(notebook))}[/]{(quick ? " [grey](quick)[/]" : string.Empty)}");
            var options = NotebookRunOptions.IntoDirectory(outputDirectory, notebook) with
            {
                Parameters = parameters,
                Quick = quick,
                Progress = p => ReportCell(console, p),
            };
            var result = await new NotebookRunner(options).RunAsync(notebook, cancellationToken).ConfigureAwait(false);
            figures += result.Figures.Count;
            if (result.Failure is { } failure)
            {
                failed++;
                CliAction.WriteError($"{notebook}: cell {failure.CellNumber} failed: {failure.ExceptionType}: {failure.Message}");
                foreach (string line in failure.Traceback.Skip(1).Take(12))
                {
                    Console.Error.WriteLine($"    {line}");
                }
            }

            Console.WriteLine($"{(result.Succeeded ? "ok" : "FAILED")}  {result.OutputPath}  ({result.Figures.Count} figures, {result.Duration.TotalSeconds:F1} s)");
        }

        string index = ArtifactsIndex.Write(outputDirectory);
        Console.WriteLine($"Results: {index} ({notebooks.Count - failed} of {notebooks.Count} notebooks ran to the end, {figures} figures)");
        return failed == 0 ? 0 : CellFailed;
    }

    /// <summary>The notebooks named by <paramref name="paths"/>: files as given, folders expanded to their .ipynb and .dib files (sorted).</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var notebooks = new List<string>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                notebooks.AddRange(Directory.GetFiles(path)
                    .Where(f => f.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                notebooks.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"'{path}' is neither a notebook file nor a folder.", path);
            }
        }

        return notebooks.Count > 0 ? notebooks : throw new ArgumentException("No notebooks found in the given paths (looked for *.ipynb and *.dib).");
    }

    private static void ReportCell(IAnsiConsole console, CellProgress progress)
    {
        string where = $"  cell {progress.CellNumber,2}/{progress.CellCount}";
        switch (progress.Status)
        {
            case CellStatus.Running:
                string preview = progress.FirstLine.Length > 60 ? progress.FirstLine[..57] + "..." : progress.FirstLine;
                console.Markup($"[grey]{where}[/]  {Markup.Escape(preview)} ");
                break;
            case CellStatus.Completed:
                console.MarkupLine($"[green]ok[/] [grey]{progress.Elapsed.TotalSeconds:F1} s[/]");
                break;
            default:
                console.MarkupLine($"[red]failed[/] [grey]{progress.Elapsed.TotalSeconds:F1} s[/]");
                break;
        }
    }
}
