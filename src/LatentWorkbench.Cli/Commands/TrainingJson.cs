using System.Text.Json;
using LatentWorkbench.Training;

using LatentWorkbench.Common;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// The JSON that scripts read after <c>train vae</c>: <c>{"epochs": [{"epoch", "seconds", "train_loss", and each loss term}], "test_loss_sampled",
/// "test_loss_mean", "peak_working_set_bytes"}</c>, losses per sample. Written atomically.
/// </summary>
internal static class TrainingJson
{
    public static void Write(string path, IReadOnlyList<EpochReport> epochs, double testLossSampled, double testLossMean, long peakWorkingSetBytes) =>
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteStartArray("epochs");
            foreach (var e in epochs)
            {
                json.WriteStartObject();
                json.WriteNumber("epoch", e.Epoch);
                json.WriteNumber("seconds", e.Seconds);
                json.WriteNumber("train_loss", e.TrainLoss);
                foreach (var (name, value) in e.Terms)
                {
                    json.WriteNumber(name, value);
                }
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("test_loss_sampled", testLossSampled);
            json.WriteNumber("test_loss_mean", testLossMean);
            json.WriteNumber("peak_working_set_bytes", peakWorkingSetBytes);
            json.WriteEndObject();
        });
}
