using LatentWorkbench.Notebooks.Artifacts;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Figures;
using LatentWorkbench.Twins;
using Spectre.Console;

namespace LatentWorkbench.Cli.Commands;

/// <summary>Runs notebooks for the CLI: per-cell progress on stderr, one result line per notebook on stdout, the index page and metrics, the output folder swapped in on success.</summary>
internal static class NotebooksConsole
{
    /// <summary>Exit code when a cell threw (as dotnet-repl).</summary>
    public const int CellFailed = 2;

    /// <summary>
    /// Runs <paramref name="notebooks"/> in order into a staging folder beside <paramref name="outputDirectory"/>
    /// (a failed notebook does not stop the others) and swaps it in only when every cell of every notebook ran;
    /// otherwise the output keeps the previous good run and the partial one is kept beside it.
    /// </summary>
    /// <param name="notebooks">The notebook files.</param>
    /// <param name="parameters">Overrides for every notebook.</param>
    /// <param name="quick">Set each notebook's <c>budget</c> parameter to <c>quick</c>.</param>
    /// <param name="outputDirectory">The output folder (executed copies, figures/, index.html, metrics.json).</param>
    /// <param name="replaceAll">True: the run replaces the whole folder (the main job); false: other notebooks' results in it are kept.</param>
    /// <param name="cancellationToken">Cancels the run; the output is left as it was.</param>
    /// <returns>0 when every cell of every notebook ran, else <see cref="CellFailed"/>.</returns>
    public static async Task<int> RunAllAsync(
        IReadOnlyList<string> notebooks, IReadOnlyDictionary<string, string> parameters, bool quick, string outputDirectory, bool replaceAll, CancellationToken cancellationToken)
    {
        var console = CliAction.ProgressConsole;
        NotebookRunOptions For(string notebook) => NotebookRunOptions.IntoDirectory(outputDirectory, notebook) with
        {
            Parameters = parameters,
            Quick = quick,
            Enums = LibraryParameterEnums.Instance,
        };

        // Every notebook's overrides are checked before the first one runs: a bad value for the fifth notebook must not
        // cost the first four's time, and nothing is written.
        foreach (string notebook in notebooks)
        {
            new NotebookRunner(For(notebook)).CheckParameters(notebook);
        }

        var stems = notebooks.Select(n => Path.GetFileNameWithoutExtension(n)).ToHashSet(StringComparer.Ordinal);
        var staging = ArtifactsStaging.Begin(outputDirectory, replaceAll ? null : ArtifactsStaging.ResultsOfOtherNotebooks(stems));
        int failed = 0, figures = 0;
        try
        {
            foreach (string notebook in notebooks)
            {
                console.MarkupLine($"[bold]{Markup.Escape(Path.GetFileName(notebook))}[/]{(quick ? " [grey](budget quick)[/]" : string.Empty)}");
                var staged = NotebookRunOptions.IntoDirectory(staging.Directory, notebook);
                var options = For(notebook) with
                {
                    OutputPath = staged.OutputPath,
                    FiguresDirectory = staged.FiguresDirectory,
                    Progress = p => ReportCell(console, p),
                    History = RunStoreHistory.Instance,
                    RecordedOutputPath = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(notebook) + ".ipynb"),
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

                Console.WriteLine($"{(result.Succeeded ? "ok" : "FAILED")}  {options.RecordedOutputPath}  ({result.Figures.Count} figures, {result.Recorded.Count} recorded values, {result.Duration.TotalSeconds:F1} s, peak {result.PeakResidentBytes / (1024.0 * 1024 * 1024):F2} GB resident{(result.PeakCoversWholeProcess ? " since start" : string.Empty)})");
            }

            ArtifactsIndex.Write(staging.Directory);
            MetricsFile.Write(staging.Directory);
        }
        catch
        {
            // Cancelled, or a notebook/override that is wrong: the output stays as it was.
            staging.Discard();
            throw;
        }

        if (failed > 0)
        {
            string kept = staging.KeepAsFailed();
            CliAction.WriteError($"{failed} of {notebooks.Count} notebooks failed: {outputDirectory} still holds the previous good run; this run's output is in {kept}");
            Console.WriteLine($"Results (failed run): {Path.Combine(kept, ArtifactsIndex.FileName)}");
            return CellFailed;
        }

        string output = staging.Commit();
        Console.WriteLine($"Results: {Path.Combine(output, ArtifactsIndex.FileName)} ({notebooks.Count} notebooks ran to the end, {figures} figures; recorded values in {MetricsFile.FileName})");
        return 0;
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
                throw new FileNotFoundException($"Notebook '{path}' does not exist (no such file or folder).", path);
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
