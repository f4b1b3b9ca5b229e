namespace LatentWorkbench.Runs;

/// <summary>What training code sees of a run in progress: its identity, where to put its checkpoint, and a place for per-epoch metrics.</summary>
/// <remarks>A trainer callback can forward each epoch's report here; finishing the run is left to whoever began it.</remarks>
public interface IRunRecorder
{
    /// <summary>The store's id of the run.</summary>
    long RunId { get; }

    /// <summary>The model and config being trained.</summary>
    RunKey Key { get; }

    /// <summary>
    /// A checkpoint path of the run's own: <c>checkpoints/&lt;model&gt;-&lt;hash prefix&gt;-run&lt;id&gt;&lt;extension&gt;</c>
    /// beside the store file. A run that writes only here can never overwrite the checkpoint of an earlier,
    /// completed run of the same config, so a failed retrain leaves the cached result usable.
    /// </summary>
    /// <param name="extension">File extension including the dot, e.g. <c>.safetensors</c>.</param>
    string CheckpointPath(string extension);

    /// <summary>Records (or adds to) the metrics of <paramref name="epoch"/>; a name recorded twice for an epoch keeps the later value.</summary>
    /// <param name="epoch">Epoch number, ≥ 0.</param>
    /// <param name="metrics">Metric name → value, e.g. <c>train_loss</c>, <c>test_loss</c>, <c>seconds</c>; names are non-blank.</param>
    void RecordEpoch(int epoch, IReadOnlyDictionary<string, double> metrics);
}
