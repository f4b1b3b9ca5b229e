using System.Globalization;
using LatentWorkbench.Training;
using Spectre.Console;

namespace LatentWorkbench.Cli.Commands;

/// <summary>A Spectre progress bar per epoch (stderr) and one line per finished epoch (stdout).</summary>
internal sealed class EpochProgress(ProgressContext context, int epochs) : ITrainingCallback
{
    private ProgressTask? _task;

    public void OnStepEnd(in StepReport report)
    {
        _task ??= context.AddTask($"epoch {report.Epoch}/{epochs}", maxValue: report.StepsPerEpoch);
        _task.Increment(1);
    }

    public bool OnEpochEnd(EpochReport report)
    {
        _task?.StopTask();
        _task = null;
        string terms = string.Join("  ", report.Terms.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value:F4}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {report.Epoch,2}  train loss/sample {report.TrainLoss:F4}  ({terms})  {report.Seconds:F2} s"));
        return true;
    }
}
