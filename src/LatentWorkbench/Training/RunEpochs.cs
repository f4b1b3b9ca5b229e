using LatentWorkbench.Runs;

namespace LatentWorkbench.Training;

/// <summary>Records each epoch of a training run in the run store, and reads them back as reports.</summary>
internal sealed class RunEpochs(IRunRecorder recorder) : ITrainingCallback
{
    private const string TrainLoss = "train_loss";
    private const string Seconds = "seconds";

    public bool OnEpochEnd(EpochReport report)
    {
        var metrics = new Dictionary<string, double>(report.Terms, StringComparer.Ordinal)
        {
            [TrainLoss] = report.TrainLoss,
            [Seconds] = report.Seconds,
        };
        recorder.RecordEpoch(report.Epoch, metrics);
        return true;
    }

    public static EpochReport ToReport(EpochMetrics epoch)
    {
        var terms = epoch.Values.Where(v => v.Key is not TrainLoss and not Seconds).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        return new EpochReport(epoch.Epoch, epoch.Values.GetValueOrDefault(Seconds), epoch.Values.GetValueOrDefault(TrainLoss), terms);
    }
}
