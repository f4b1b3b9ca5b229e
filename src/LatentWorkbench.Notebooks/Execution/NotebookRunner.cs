using System.Diagnostics;
using LatentWorkbench.Notebooks.Figures;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Notebooks.Parameters;
using LatentWorkbench.Notebooks.Scripting;

namespace LatentWorkbench.Notebooks.Execution;

/// <summary>
/// Executes a C# Polyglot notebook headlessly, as the .NET Interactive kernel would, and writes the executed
/// copy in the format of ../shared/specs/polyglot.md §1.
/// </summary>
/// <remarks>
/// Order of work: read (.ipynb or .dib) → check every code cell is plain C# → apply parameter overrides
/// (papermill's injected cell) → run the code cells in order as chained script submissions with the current
/// directory set to the notebook's folder → stop at the first cell that throws → write the notebook and the
/// figures. Anything wrong with the notebook or the overrides is reported before any cell runs.
/// Runs are serialized within a process because the current directory is process-wide.
/// </remarks>
public sealed partial class NotebookRunner
{
    private static readonly SemaphoreSlim OneRunAtATime = new(1, 1);
    private readonly NotebookRunOptions _options;

    /// <summary>Creates a runner with <paramref name="options"/>.</summary>
    public NotebookRunner(NotebookRunOptions? options = null) => _options = options ?? new NotebookRunOptions();

    /// <summary>Runs the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="NotebookFormatException">The file is not a notebook.</exception>
    /// <exception cref="NotebookValidationException">A cell uses another kernel, a magic command or a NuGet reference.</exception>
    /// <exception cref="ParameterException">An override names no declared parameter or does not parse.</exception>
    public async Task<NotebookRunResult> RunAsync(string path, CancellationToken cancellationToken = default)
    {
        string fullPath = Path.GetFullPath(path);
        var notebook = Notebook.Load(fullPath);
        string name = Path.GetFileName(fullPath);

        var parameters = ParameterInjector.Apply(notebook, _options.EffectiveParameters(), path);
        var codeCells = new Dictionary<NotebookCell, string>();
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Kind == CellKind.Code)
            {
                codeCells[cell] = CellSource.Prepare(cell, i + 1, name);
                cell.ClearOutputs();
                cell.Metadata.Remove("papermill");
            }
        }

        var exporter = _options.FiguresDirectory is null ? null : new FigureExporter(_options.FiguresDirectory, Path.GetFileNameWithoutExtension(fullPath));
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        CellFailure? failure;
        IReadOnlyDictionary<string, object?> variables;
        await OneRunAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        string previousDirectory = Directory.GetCurrentDirectory();
        try
        {
            using var router = ConsoleRouter.Install();
            Directory.SetCurrentDirectory(Path.GetDirectoryName(fullPath)!);
            var session = new ScriptSession(fullPath);
            failure = await RunCellsAsync(notebook, codeCells, session, exporter, name, cancellationToken).ConfigureAwait(false);
            variables = session.Variables;
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            OneRunAtATime.Release();
        }

        RecordRun(notebook, parameters, path, _options.OutputPath, started, clock.Elapsed, failure);
        if (_options.OutputPath is { } outputPath)
        {
            notebook.Save(outputPath);
        }

        exporter?.WriteManifest(
            _options.OutputPath is null ? name : Path.GetFileName(_options.OutputPath),
            failure is null ? null : $"cell {failure.CellNumber} failed: {failure.ExceptionType}: {failure.Message}");
        return new NotebookRunResult(notebook, _options.OutputPath, failure, exporter?.Figures ?? [], parameters, variables, clock.Elapsed);
    }

    private async Task<CellFailure?> RunCellsAsync(
        Notebook notebook, Dictionary<NotebookCell, string> codeCells, ScriptSession session, FigureExporter? exporter, string name, CancellationToken cancellationToken)
    {
        int executionCount = 0;
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (!codeCells.TryGetValue(cell, out string? code))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            cell.ExecutionCount = ++executionCount;
            var progress = new CellProgress(name, i + 1, notebook.Cells.Count, executionCount, CellStatus.Running, TimeSpan.Zero, FirstLine(cell.Source));
            _options.Progress?.Invoke(progress);

            var collector = new CellOutputCollector(cell.Id);
            var startTime = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            var failure = await ExecuteCellAsync(session, code, collector, i + 1, cell.Id, cancellationToken).ConfigureAwait(false);
            clock.Stop();

            cell.Outputs.AddRange(collector.ToOutputs());
            if (failure is not null)
            {
                cell.Outputs.Add(CellOutputCollector.ErrorOutput(failure.ExceptionType, failure.Message, failure.Traceback));
            }

            cell.Metadata["papermill"] = CellTiming(startTime, clock.Elapsed, failure is null ? "completed" : "failed");
            if (exporter is not null)
            {
                var figures = collector.Figures();
                for (int k = 0; k < figures.Count; k++)
                {
                    exporter.Export(figures[k], i + 1, k + 1, CaptionAbove(notebook, i));
                }
            }

            _options.Progress?.Invoke(progress with { Status = failure is null ? CellStatus.Completed : CellStatus.Failed, Elapsed = clock.Elapsed });
            if (failure is not null)
            {
                MarkPending(notebook, codeCells, i + 1);
                return failure;
            }
        }

        return null;
    }

    private static async Task<CellFailure?> ExecuteCellAsync(
        ScriptSession session, string code, CellOutputCollector collector, int cellNumber, string cellId, CancellationToken cancellationToken)
    {
        // Setting the ambient cell inside this async method scopes it to the cell's flow: display(...) and
        // console text from the cell (and tasks it starts) land here, nothing from outside does.
        Kernel.Current = collector;
        try
        {
            if (code.Trim().Length == 0)
            {
                return null;
            }

            var (hasValue, value) = await session.RunAsync(code, cancellationToken).ConfigureAwait(false);
            if (hasValue)
            {
                collector.Display(value, []);
            }

            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failure(e, cellNumber, cellId);
        }
        finally
        {
            Kernel.Current = null;
        }
    }
}
