namespace LatentWorkbench.Training;

/// <summary>Stops training when the epoch's training loss has not improved by <paramref name="minDelta"/> for <paramref name="patience"/> epochs.</summary>
public sealed class EarlyStopping(int patience, double minDelta = 0) : ITrainingCallback
{
    private double _best = double.PositiveInfinity;
    private int _stale;

    /// <summary>The epoch after which training stopped, or null while it goes on.</summary>
    public int? StoppedAfter { get; private set; }

    /// <inheritdoc/>
    public bool OnEpochEnd(EpochReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.TrainLoss < _best - minDelta)
        {
            (_best, _stale) = (report.TrainLoss, 0);
            return true;
        }

        if (++_stale < patience)
        {
            return true;
        }

        StoppedAfter = report.Epoch;
        return false;
    }
}
