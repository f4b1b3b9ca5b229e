using System.Text.Json;
using LatentWorkbench.Training;

using LatentWorkbench.Common;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// The JSON that scripts read after <c>train vae</c> and <c>train ae</c>: <c>{"epochs": [{"epoch", "seconds", "train_loss", and each loss
/// term}], then the test values (<c>train vae</c>: "test_loss_sampled", "test_loss_mean"; <c>train ae</c>: "test_squared_error"),
/// "peak_working_set_bytes"}</c>, losses per sample. Written atomically.
/// </summary>
internal static class TrainingJson
{
    public static void Write(string path, IReadOnlyList<EpochReport> epochs, IReadOnlyList<KeyValuePair<string, double>> testValues, long peakWorkingSetBytes) =>
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
            foreach (var (name, value) in testValues)
            {
                json.WriteNumber(name, value);
            }

            json.WriteNumber("peak_working_set_bytes", peakWorkingSetBytes);
            json.WriteEndObject();
        });
}
