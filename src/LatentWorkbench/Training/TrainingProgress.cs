using System.Diagnostics;
using LatentWorkbench.Reporting;

namespace LatentWorkbench.Training;

/// <summary>
/// Live progress of a training run in a notebook: one display in the running cell, replaced in place as steps and
/// epochs finish (a progress bar, elapsed and remaining time, the table of epoch losses). Outside a kernel it shows
/// nothing and costs nothing; the CLI shows a progress bar of its own.
/// </summary>
/// <remarks>
/// Step updates are throttled to one per <see cref="MinimumInterval"/> (a display update costs a kernel event;
/// a step can take a millisecond); every finished epoch updates at once.
/// </remarks>
public sealed class TrainingProgress : ITrainingCallback
{
    /// <summary>The shortest time between two step updates.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(500);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<EpochReport> _history = [];
    private readonly Action<object>? _update;
    private readonly Action<TrainingStatus>? _observer;
    private TimeSpan _lastUpdate = TimeSpan.Zero;
    private StepReport? _step;

    /// <summary>Shows the status of training <paramref name="title"/> for <paramref name="epochs"/> epochs in the running cell.</summary>
    /// <param name="title">What is training.</param>
    /// <param name="epochs">Epochs planned (the trainer's <see cref="TrainerOptions.Epochs"/>).</param>
    /// <param name="observer">Also receives every status shown (tests, logs); optional.</param>
    public TrainingProgress(string title, int epochs, Action<TrainingStatus>? observer = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        (Title, Epochs, _observer) = (title, epochs, observer);
        var first = Status(finished: false);
        _update = KernelDisplay.TryDisplayUpdatable(first);
        _observer?.Invoke(first);
    }

    /// <summary>What is training.</summary>
    public string Title { get; }

    /// <summary>Epochs planned.</summary>
    public int Epochs { get; }

    /// <summary>True when a kernel cell shows this progress.</summary>
    public bool IsDisplayed => _update is not null;

    /// <inheritdoc/>
    public void OnStepEnd(in StepReport report)
    {
        _step = report;
        if (_clock.Elapsed - _lastUpdate >= MinimumInterval)
        {
            Show(finished: false);
        }
    }

    /// <inheritdoc/>
    public bool OnEpochEnd(EpochReport report)
    {
        _history.Add(report);
        Show(finished: report.Epoch >= Epochs);
        return true;
    }

    /// <summary>Marks the run finished (after early stopping, say) so the display stops counting.</summary>
    public void Complete() => Show(finished: true);

    private void Show(bool finished)
    {
        _lastUpdate = _clock.Elapsed;
        var status = Status(finished);
        _update?.Invoke(status);
        _observer?.Invoke(status);
    }

    private TrainingStatus Status(bool finished) => new(Title, Epochs, _step, _clock.Elapsed, [.. _history], finished);
}
