using System.Text.Json;

namespace LatentWorkbench.Runs;

/// <summary>The JSON form of a run that <c>workbench runs list|show --json</c> print.</summary>
/// <remarks>
/// <c>{"id", "model", "config_hash", "status", "message", "device", "code_version", "started_utc", "ended_utc",
/// "duration_seconds", "checkpoint", "checkpoint_exists", "config": {…}, "epochs": [{"epoch", "metrics": {…}}]}</c>;
/// absent values are null, and non-finite metrics are the strings <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>
/// (the spelling System.Text.Json reads back with named floating-point literals).
/// </remarks>
public static class RunRecordJson
{
    /// <summary>Writes <paramref name="run"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(run);
        writer.WriteStartObject();
        writer.WriteNumber("id", run.Id);
        writer.WriteString("model", run.Model);
        writer.WriteString("config_hash", run.ConfigHash);
        writer.WriteString("status", RunRows.FormatStatus(run.Status));
        writer.WriteString("message", run.Message);
        writer.WriteString("device", run.Device);
        writer.WriteString("code_version", run.CodeVersion);
        writer.WriteString("started_utc", RunRows.FormatTime(run.StartedUtc));
        writer.WriteString("ended_utc", run.EndedUtc is { } ended ? RunRows.FormatTime(ended) : null);
        if (run.Duration is { } duration)
        {
            writer.WriteNumber("duration_seconds", duration.TotalSeconds);
        }
        else
        {
            writer.WriteNull("duration_seconds");
        }

        writer.WriteString("checkpoint", run.CheckpointPath);
        writer.WriteBoolean("checkpoint_exists", run.HasCheckpoint);
        writer.WritePropertyName("config");
        using (var config = JsonDocument.Parse(run.ConfigJson))
        {
            config.RootElement.WriteTo(writer);
        }

        writer.WriteStartArray("epochs");
        foreach (var epoch in run.Epochs)
        {
            writer.WriteStartObject();
            writer.WriteNumber("epoch", epoch.Epoch);
            writer.WriteStartObject("metrics");
            foreach (var (name, value) in epoch.Values)
            {
                WriteNumber(writer, name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
