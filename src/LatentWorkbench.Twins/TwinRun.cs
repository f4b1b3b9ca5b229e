using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using LatentWorkbench.Data;
using LatentWorkbench.Notebooks.Artifacts;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Figures;
using LatentWorkbench.Notebooks.Formatting;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Notebooks.Parameters;
using LatentWorkbench.Notebooks.Twins;
using LatentWorkbench.Reporting;
using Formatter = Microsoft.DotNet.Interactive.Formatting.Formatter;

namespace LatentWorkbench.Twins;

/// <summary>
/// One run of a twin: the notebook it stands for (read from the twin's own file), the applied parameters, each cell's
/// outputs, and the output folder (staged, swapped in only when the twin reaches its end, as <c>notebooks run</c> does).
/// </summary>
internal sealed class TwinRun
{
    private readonly Notebook _notebook;
    private readonly JsonObject _parameters;
    private readonly string _origin;
    private readonly string _stem;
    private readonly ArtifactsStaging _staging;
    private readonly FigureExporter _exporter;
    private readonly JsonObject _recorded = [];
    private readonly TextWriter _console;
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Stopwatch _cellClock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private CellOutputs _cell;
    private bool _finished;

    private TwinRun(Notebook notebook, JsonObject parameters, string origin, ArtifactsStaging staging)
    {
        _notebook = notebook;
        _parameters = parameters;
        _origin = origin;
        _stem = Path.GetFileNameWithoutExtension(origin);
        _staging = staging;
        _exporter = new FigureExporter(Path.Combine(staging.Directory, "figures", _stem), _stem);
        _cell = new CellOutputs(notebook.Cells.FindIndex(c => c.Kind == CellKind.Code));
        _console = Console.Out;
        Console.SetOut(new TeeWriter(_console, text => { lock (_gate) { _cell.AppendText(text); } }));
        ProgramDisplay.Handler = value =>
        {
            var shown = Display(value);
            return updated => shown.Update(updated);
        };
        AppDomain.CurrentDomain.UnhandledException += (_, e) => Fail(e.ExceptionObject as Exception);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Interrupted();
    }

    /// <summary>Reads the twin's own file and the command line; a bad argument or override exits with the runner's one-line error and code 1.</summary>
    public static TwinRun Start(string[] args)
    {
        try
        {
            string path = AppContext.GetData("EntryPointFilePath") as string
                ?? throw new InvalidOperationException("A twin runs as a file-based program: dotnet run notebooks/NN-name.cs (its entry file names the notebook).");
            string origin = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
            var arguments = TwinArguments.Parse(args);
            var cells = TwinReader.Read(File.ReadAllText(path), origin);
            var notebook = new Notebook(PolyglotMetadata.NotebookMetadata(), cells.Select(ToNotebookCell));
            var declared = ParameterInjector.Declared(notebook);
            if (arguments.Help)
            {
                PrintHelp(origin, declared);
                Environment.Exit(0);
            }

            var overrides = new NotebookRunOptions { Parameters = arguments.Overrides, Quick = arguments.Quick }.EffectiveParameters(declared);
            var applied = ParameterInjector.Apply(notebook, overrides, origin, LibraryParameterEnums.Instance);
            string output = Path.GetFullPath(arguments.Output ?? Path.Combine(DataPaths.FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), "artifacts"));
            var staging = ArtifactsStaging.Begin(output, ArtifactsStaging.ResultsOfOtherNotebooks(new HashSet<string>([Path.GetFileNameWithoutExtension(path)], StringComparer.Ordinal)));

            // As `workbench run` does: MNIST is fetched once (verified by SHA-256) when it is not there yet.
            new MnistFetcher().EnsureAsync(DataPaths.MnistDirectory(), new Progress<string>(line => Console.Error.WriteLine(line))).GetAwaiter().GetResult();

            // As the runner does: the notebook's cells run with its folder as the current directory, and a cell that
            // saves figures for a report (FigureFolder.UnderOutput) writes into this run's output.
            Directory.SetCurrentDirectory(Path.GetDirectoryName(path)!);
            Environment.SetEnvironmentVariable(NotebookRunner.OutputVariable, staging.Directory);
            Console.Error.WriteLine($"{Path.GetFileName(path)}{(overrides.Count > 0 ? " " + string.Join(' ', overrides.Select(o => $"{o.Key}={o.Value}")) : string.Empty)} → {output}");
            return new TwinRun(notebook, applied, origin, staging);
        }
        catch (Exception e) when (e is ArgumentException or ParameterException or TwinFormatException or InvalidOperationException or IOException or MnistFetchException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Environment.Exit(1);
            throw;
        }
    }

    /// <summary>The command line's value for <paramref name="name"/>, typed as its default, or the default.</summary>
    public T Parameter<T>(string name, T value) =>
        _parameters.ContainsKey(name) ? TwinValues.As<T>(_parameters[name], name) : value;

    /// <summary>Finishes the cell that ran and starts notebook cell <paramref name="number"/> (1-based in the notebook).</summary>
    public void BeginCell(int number, int total, string id)
    {
        lock (_gate)
        {
            FinishCell();
            int index = _notebook.Cells.FindIndex(c => c.Id == id);
            _cell = new CellOutputs(index);
            _cellClock.Restart();
            string first = index < 0 ? string.Empty : _notebook.Cells[index].Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
            Console.Error.WriteLine($"  cell {number,2}/{total}  {(first.Length > 60 ? first[..57] + "..." : first)}");
        }
    }

    /// <summary>Shows <paramref name="value"/> in the current cell: its text on the console, its bundle kept for the executed notebook and the figures.</summary>
    public TwinDisplayedValue Display(object? value)
    {
        lock (_gate)
        {
            var cell = _cell;
            int slot = cell.Add(Format(value));
            Print(cell.Bundle(slot));
            return new TwinDisplayedValue(updated =>
            {
                lock (_gate)
                {
                    cell.Replace(slot, Format(updated));
                    Print(cell.Bundle(slot));
                }
            });
        }
    }

    /// <summary>The twin reached its end: the output folder is written and swapped in.</summary>
    public void End()
    {
        lock (_gate)
        {
            FinishCell();
            string executed = WriteOutput(failure: null);
            string output = _staging.Commit();
            _finished = true;
            Console.SetOut(_console);
            Console.WriteLine($"ok  {Path.Combine(output, executed)}  ({_exporter.Figures.Count} figures, {_recorded.Count} recorded values, {_clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s)");
            Console.WriteLine($"Results: {Path.Combine(output, ArtifactsIndex.FileName)}");
        }
    }

    // The run's output in the staging folder, as the runner writes it: the executed notebook, the figures' manifest, the
    // index and the metrics; returns the executed notebook's file name.
    private string WriteOutput(CellFailure? failure)
    {
        string executed = _stem + ".ipynb";
        NotebookRunner.RecordRun(_notebook, _parameters, _origin, Path.Combine(_staging.OutputDirectory, executed), _started, _clock.Elapsed, failure);
        NotebookRunner.RecordValues(_notebook, _recorded);
        _notebook.Save(Path.Combine(_staging.Directory, executed));
        _exporter.WriteManifest(executed, _parameters, failure is null ? null : $"cell {failure.CellNumber}: {failure.ExceptionType}: {failure.Message}");
        ArtifactsIndex.Write(_staging.Directory);
        MetricsFile.Write(_staging.Directory);
        return executed;
    }

    private static NotebookCell ToNotebookCell(TwinCell cell, int index)
    {
        string id = cell.Id ?? CellIds.FromSeed($"{index}/{cell.Source}");
        return cell.Kind == CellKind.Code ? NotebookCell.NewCode(id, cell.Source, [.. cell.Tags]) : NotebookCell.NewMarkdown(id, cell.Source);
    }

    private static void PrintHelp(string origin, IReadOnlyList<ParameterDeclaration> declared)
    {
        Console.WriteLine($"Usage: dotnet run {origin} -- [--quick] [--set name=value]... [--out DIR]");
        Console.WriteLine("Parameters (the notebook's parameters cell; values typed like the defaults, enums by name, lists as a,b,c):");
        foreach (var parameter in declared)
        {
            Console.WriteLine($"  {parameter.Name,-16} default: {parameter.DefaultSource}");
        }
    }

    // The bundle the kernel would show: the type's preferred mime types (the library registers its formatters with the
    // formatting library when it loads) and plain text for the console.
    private static FormattedValue Format(object? value)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is null)
        {
            data[MimeTypes.PlainText] = "<null>";
            return DisplayBundles.From(null, data);
        }

        foreach (string mimeType in Formatter.GetPreferredMimeTypesFor(value.GetType()).Append(MimeTypes.PlainText).Distinct(StringComparer.Ordinal))
        {
            data[mimeType] = Formatter.ToDisplayString(value, mimeType);
        }

        return DisplayBundles.From(value, data);
    }

    private void Print(FormattedValue bundle)
    {
        if (bundle.IsFigure)
        {
            _console.WriteLine($"[figure{(bundle.Title is { } title ? ": " + title : string.Empty)}]");
        }
        else if (bundle.Data.TryGetValue(Findings.MarkdownMimeType, out string? markdown))
        {
            _console.WriteLine(markdown.TrimEnd());
        }
        else if (bundle.Data.TryGetValue(MimeTypes.PlainText, out string? text))
        {
            _console.WriteLine(text);
        }
    }

    // The cell that ran: its outputs into the notebook, its recorded values collected, its figures exported.
    private void FinishCell(Exception? failure = null)
    {
        if (_cell.Index < 0)
        {
            return;
        }

        var cell = _notebook.Cells[_cell.Index];
        cell.Outputs.Clear();
        cell.Outputs.AddRange(_cell.ToOutputs(failure));
        var displayed = _cell.Bundles();
        RecordedValues.Collect(displayed, _recorded);
        foreach (var figure in displayed.Where(d => d.IsFigure))
        {
            _exporter.Export(figure, cell.Id);
        }

        _cell = new CellOutputs(-1);
    }

    private void Fail(Exception? exception)
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
            int failedAt = _cell.Index;
            FinishCell(exception);
            string message = $"{exception?.GetType().Name}: {exception?.Message}";
            WriteOutput(new CellFailure(failedAt + 1, failedAt < 0 ? string.Empty : _notebook.Cells[failedAt].Id, exception?.GetType().Name ?? "Exception",
                exception?.Message ?? string.Empty, (exception?.ToString() ?? string.Empty).Split('\n')));
            string kept = _staging.KeepAsFailed();
            Console.SetOut(_console);
            Console.Error.WriteLine($"error: {_origin}: cell {failedAt + 1} failed: {message}");
            Console.Error.WriteLine($"{_staging.OutputDirectory} still holds the previous good run; this run's output is in {kept}");
            Console.Error.Flush();
            Environment.Exit(2);
        }
    }

    // The process ends without reaching End() or failing: interrupted (Ctrl+C); the output stays as it was.
    private void Interrupted()
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
            _staging.Discard();
            Console.Error.WriteLine($"{_origin}: interrupted; {_staging.OutputDirectory} is left as it was.");
        }
    }
}
