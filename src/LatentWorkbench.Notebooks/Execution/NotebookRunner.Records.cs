using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Model;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace LatentWorkbench.Notebooks.Execution;

/// <summary>What a run records: failures, papermill timings and status, recorded values.</summary>
public sealed partial class NotebookRunner
{
    private static CellFailure Failure(CommandFailed failed, int cellNumber, string cellId)
    {
        var e = failed.Exception is null ? null : Unwrap(failed.Exception);
        if (e is CodeSubmissionCompilationErrorException { InnerException: CompilationErrorException compilation })
        {
            var diagnostics = compilation.Diagnostics.Select(d => d.ToString()).ToList();
            return new CellFailure(cellNumber, cellId, nameof(CompilationErrorException), string.Join(Environment.NewLine, diagnostics), diagnostics);
        }

        if (e is null)
        {
            // The kernel failed the command itself (an unknown kernel or directive, a failed restore): its message says why.
            string message = failed.Message ?? "the cell failed";
            return new CellFailure(cellNumber, cellId, "Error", message, message.Split('\n').Select(l => l.TrimEnd('\r')).ToList());
        }

        return new CellFailure(cellNumber, cellId, e.GetType().Name, e.Message, NotebookFrames(e.ToString()));
    }

    // The exception's text down to the first frame of the scripting host, the kernel or this runner: what the notebook did, not how we ran it.
    private static List<string> NotebookFrames(string text)
    {
        string[] hostFrames = ["at Microsoft.CodeAnalysis.Scripting.", "at Microsoft.DotNet.Interactive.", "at LatentWorkbench.Notebooks."];
        var lines = new List<string>();
        foreach (string line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            string trimmed = line.TrimStart();
            if (hostFrames.Any(frame => trimmed.StartsWith(frame, StringComparison.Ordinal)))
            {
                break;
            }

            lines.Add(line);
        }

        while (lines.Count > 1 && lines[^1].TrimStart().StartsWith("--- End of", StringComparison.Ordinal))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static Exception Unwrap(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => e,
    };

    private static JsonObject CellTiming(DateTime start, TimeSpan duration, string status) => new()
    {
        ["duration"] = Math.Round(duration.TotalSeconds, 6),
        ["end_time"] = Timestamp(start + duration),
        ["exception"] = status == "failed",
        ["start_time"] = Timestamp(start),
        ["status"] = status,
    };

    private static void MarkPending(Notebook notebook, int fromIndex)
    {
        foreach (var cell in notebook.Cells.Skip(fromIndex).Where(c => c.Kind == CellKind.Code))
        {
            cell.Metadata["papermill"] = new JsonObject { ["status"] = "pending" };
        }
    }

    internal static void RecordRun(Notebook notebook, JsonObject parameters, string inputPath, string? outputPath, DateTime start, TimeSpan duration, CellFailure? failure)
    {
        var papermill = notebook.Metadata["papermill"] as JsonObject ?? [];
        papermill["parameters"] = parameters.DeepClone();
        papermill["input_path"] = inputPath;
        papermill["output_path"] = outputPath;
        papermill["start_time"] = Timestamp(start);
        papermill["end_time"] = Timestamp(start + duration);
        papermill["duration"] = Math.Round(duration.TotalSeconds, 6);
        papermill["exception"] = failure is not null;
        notebook.Metadata["papermill"] = papermill;
    }

    // Beside the recorded values, not among them: memory is a property of the run and the machine, not a result.
    private static void RecordPeakMemory(Notebook notebook, PeakMemory.Measurement peak)
    {
        var ours = notebook.Metadata[RecordedValues.MetadataKey] as JsonObject ?? [];
        ours["peak_resident_bytes"] = peak.Bytes;
        ours["peak_covers_whole_process"] = peak.SinceStart;
        notebook.Metadata[RecordedValues.MetadataKey] = ours;
    }

    internal static void RecordValues(Notebook notebook, JsonObject recorded)
    {
        var ours = notebook.Metadata[RecordedValues.MetadataKey] as JsonObject ?? [];
        ours[RecordedValues.RecordedKey] = recorded.DeepClone();
        notebook.Metadata[RecordedValues.MetadataKey] = ours;
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string FirstLine(string source) =>
        source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
}
