using System.Diagnostics;
using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Figures;
using LatentWorkbench.Notebooks.Hosting;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Notebooks.Parameters;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace LatentWorkbench.Notebooks.Execution;

/// <summary>
/// Executes a C# Polyglot notebook headlessly in the real .NET Interactive C# kernel, hosted in this process
/// (<see cref="NotebookKernel"/>), and writes the executed copy in the format of docs/polyglot-contract.md §1.
/// </summary>
/// <remarks>
/// Order of work: read (.ipynb or .dib) → apply parameter overrides (papermill's injected cell) → start a fresh
/// kernel with the current directory set to the notebook's folder → submit the code cells in order, each to the
/// kernel its metadata names (C# by default), recording the outputs from the kernel's events → stop at the first
/// cell that fails → write the notebook, its recorded values and its figures. A bad notebook or override is
/// reported before any cell runs. Runs are serialized within a process because the current directory is process-wide.
/// </remarks>
public sealed partial class NotebookRunner
{
    /// <summary>
    /// The environment variable that tells a running notebook where this run's output goes (the folder of the executed
    /// copy), so a notebook's own export (the library's <c>FigureFolder.UnderOutput</c>) writes under it; set only while a
    /// notebook with an output path runs.
    /// </summary>
    public const string OutputVariable = "LATENTWORKBENCH_OUTPUT";

    private static readonly SemaphoreSlim OneRunAtATime = new(1, 1);
    private readonly NotebookRunOptions _options;

    /// <summary>Creates a runner with <paramref name="options"/>.</summary>
    public NotebookRunner(NotebookRunOptions? options = null) => _options = options ?? new NotebookRunOptions();

    /// <summary>
    /// Checks this run's overrides against the notebook at <paramref name="path"/> without running anything, so that a
    /// job of several notebooks fails on a bad parameter before its first notebook starts.
    /// </summary>
    /// <returns>The values the run would record.</returns>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="NotebookFormatException">The file is not a notebook.</exception>
    /// <exception cref="ParameterException">An override names no declared parameter, does not parse, or cannot be used here.</exception>
    public JsonObject CheckParameters(string path)
    {
        var notebook = Notebook.Load(Path.GetFullPath(path));
        return ParameterInjector.Apply(notebook, _options.EffectiveParameters(ParameterInjector.Declared(notebook)), path, _options.Enums);
    }

    /// <summary>Runs the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="NotebookFormatException">The file is not a notebook.</exception>
    /// <exception cref="ParameterException">An override names no declared parameter or does not parse.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing is written.</exception>
    public async Task<NotebookRunResult> RunAsync(string path, CancellationToken cancellationToken = default)
    {
        string fullPath = Path.GetFullPath(path);
        var notebook = Notebook.Load(fullPath);
        string name = Path.GetFileName(fullPath);

        var parameters = ParameterInjector.Apply(notebook, _options.EffectiveParameters(ParameterInjector.Declared(notebook)), path, _options.Enums);
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Code))
        {
            cell.ClearOutputs();
            cell.Metadata.Remove("papermill");
        }

        var exporter = _options.FiguresDirectory is null ? null : new FigureExporter(_options.FiguresDirectory, Path.GetFileNameWithoutExtension(fullPath));
        var recorded = new JsonObject();
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        CellFailure? failure;
        IReadOnlyDictionary<string, object?> variables;
        await OneRunAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        bool peakReset = PeakMemory.Reset();
        PeakMemory.Measurement peak;
        string previousDirectory = Directory.GetCurrentDirectory();
        string? previousOutput = Environment.GetEnvironmentVariable(OutputVariable);
        try
        {
            Directory.SetCurrentDirectory(Path.GetDirectoryName(fullPath)!);
            if (_options.OutputPath is { } output)
            {
                Environment.SetEnvironmentVariable(OutputVariable, Path.GetDirectoryName(Path.GetFullPath(output)));
            }

            using var kernel = NotebookKernel.Create();
            var run = new CellRun(notebook, kernel, exporter, recorded, name);
            failure = await RunCellsAsync(run, cancellationToken).ConfigureAwait(false);
            variables = VariablesOf(kernel);
        }
        finally
        {
            peak = PeakMemory.Read(peakReset);
            Directory.SetCurrentDirectory(previousDirectory);
            Environment.SetEnvironmentVariable(OutputVariable, previousOutput);
            OneRunAtATime.Release();
        }

        RecordRun(notebook, parameters, path, _options.RecordedOutputPath ?? _options.OutputPath, started, clock.Elapsed, failure);
        RecordPeakMemory(notebook, peak);
        RecordValues(notebook, recorded);
        if (_options.OutputPath is { } outputPath)
        {
            notebook.Save(outputPath);
        }

        if (_options.History is { } history && recorded.Count > 0)
        {
            history.Keep(new RecordedRun(fullPath, started, (JsonObject)parameters.DeepClone(), (JsonObject)recorded.DeepClone(), failure is null));
        }

        exporter?.WriteManifest(
            _options.OutputPath is null ? name : Path.GetFileName(_options.OutputPath),
            parameters,
            failure is null ? null : $"cell {failure.CellNumber} failed: {failure.ExceptionType}: {failure.Message}");
        return new NotebookRunResult(notebook, _options.OutputPath, failure, exporter?.Figures ?? [], parameters, recorded, variables, clock.Elapsed)
        {
            PeakResidentBytes = peak.Bytes,
            PeakCoversWholeProcess = peak.SinceStart,
        };
    }

    private async Task<CellFailure?> RunCellsAsync(CellRun run, CancellationToken cancellationToken)
    {
        var notebook = run.Notebook;
        int executionCount = 0;
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            cell.ExecutionCount = ++executionCount;
            var progress = new CellProgress(run.Name, i + 1, notebook.Cells.Count, executionCount, CellStatus.Running, TimeSpan.Zero, FirstLine(cell.Source));
            _options.Progress?.Invoke(progress);

            var recorder = new CellOutputRecorder();
            var startTime = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            var submission = new SubmitCode(cell.Source, PolyglotMetadata.KernelNameOf(cell) ?? NotebookKernel.CSharpKernelName);
            // WaitAsync: on cancellation stop waiting even when the cell's code does not observe the token.
            var result = await run.Kernel.SendAsync(submission, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var kernelEvent in result.Events)
            {
                recorder.Add(kernelEvent);
            }

            clock.Stop();
            var failure = recorder.Failed is { } failed ? Failure(failed, i + 1, cell.Id) : null;
            cell.Outputs.AddRange(recorder.ToOutputs(failure));
            cell.Metadata["papermill"] = CellTiming(startTime, clock.Elapsed, failure is null ? "completed" : "failed");

            var displayed = recorder.Displayed();
            RecordedValues.Collect(displayed, run.Recorded);
            if (run.Exporter is not null)
            {
                foreach (var figure in displayed.Where(d => d.IsFigure))
                {
                    run.Exporter.Export(figure, cell.Id);
                }
            }

            _options.Progress?.Invoke(progress with { Status = failure is null ? CellStatus.Completed : CellStatus.Failed, Elapsed = clock.Elapsed });
            ReturnFreeMemory();
            if (failure is not null)
            {
                MarkPending(notebook, i + 1);
                return failure;
            }
        }

        return null;
    }

    // Between cells: a full, compacting collection that also gives the freed pages back. The reducers and metrics move
    // large managed arrays (70,000 × 784 pixels are 220 MB), and on a machine with memory to spare the collector keeps
    // what they freed committed; without this, notebook 04's working set carried one cell's garbage into the next
    // (docs/engine.md, "Memory"). Tens of milliseconds a cell; the script's live variables are untouched.
    private static void ReturnFreeMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    // The C# script's variables after the last successful cell (a redeclared name keeps its latest value).
    private static Dictionary<string, object?> VariablesOf(CompositeKernel kernel)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var variable in NotebookKernel.CSharpOf(kernel).ScriptState?.Variables ?? [])
        {
            variables[variable.Name] = variable.Value;
        }

        return variables;
    }

    private sealed record CellRun(Notebook Notebook, CompositeKernel Kernel, FigureExporter? Exporter, JsonObject Recorded, string Name);
}
