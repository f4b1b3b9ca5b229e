using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LatentWorkbench.Runs;

/// <summary>Maps the <c>runs</c> and <c>epoch_metrics</c> tables to <see cref="RunRecord"/>s.</summary>
internal static class RunRows
{
    private const string SelectRuns = """
        SELECT id, model, config_hash, config_json, device, code_version, status, message,
               checkpoint_path, started_utc, ended_utc, duration_seconds
        FROM runs
        """;

    /// <summary>Times are stored as ISO 8601 UTC text with 100 ns precision, e.g. <c>2026-12-01T19:13:20.1234567Z</c>: sortable and readable in any SQLite tool.</summary>
    public static string FormatTime(DateTime utc) => utc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string FormatStatus(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Completed => "completed",
        RunStatus.Failed => "failed",
        RunStatus.Interrupted => "interrupted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };

    /// <summary>The run <paramref name="id"/>, or every run when it is null, read in one snapshot (a deferred read transaction).</summary>
    public static List<RunRecord> Read(SqliteConnection connection, long? id)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var epochs = ReadEpochs(connection, id);
        using var command = connection.CreateCommand();
        command.CommandText = SelectRuns + (id is null ? "" : " WHERE id = $id") + " ORDER BY id;";
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id.Value);
        }

        var runs = new List<RunRecord>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                long runId = reader.GetInt64(0);
                runs.Add(new RunRecord(
                    Id: runId,
                    Model: reader.GetString(1),
                    ConfigHash: reader.GetString(2),
                    ConfigJson: reader.GetString(3),
                    Device: reader.GetString(4),
                    CodeVersion: reader.GetString(5),
                    Status: ParseStatus(reader.GetString(6)),
                    Message: reader.IsDBNull(7) ? null : reader.GetString(7),
                    CheckpointPath: reader.IsDBNull(8) ? null : reader.GetString(8),
                    StartedUtc: ParseTime(reader.GetString(9)),
                    EndedUtc: reader.IsDBNull(10) ? null : ParseTime(reader.GetString(10)),
                    Duration: reader.IsDBNull(11) ? null : TimeSpan.FromSeconds(reader.GetDouble(11)),
                    Epochs: epochs.TryGetValue(runId, out var list) ? list : []));
            }
        }

        transaction.Commit();
        return runs;
    }

    private static Dictionary<long, List<EpochMetrics>> ReadEpochs(SqliteConnection connection, long? id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT run_id, epoch, name, value FROM epoch_metrics"
            + (id is null ? "" : " WHERE run_id = $id") + " ORDER BY run_id, epoch, name;";
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id.Value);
        }

        var byRun = new Dictionary<long, List<EpochMetrics>>();
        using var reader = command.ExecuteReader();
        SortedDictionary<string, double>? current = null;
        while (reader.Read())
        {
            long runId = reader.GetInt64(0);
            int epoch = reader.GetInt32(1);
            if (!byRun.TryGetValue(runId, out var epochs))
            {
                byRun[runId] = epochs = [];
            }

            if (current is null || epochs.Count == 0 || epochs[^1].Epoch != epoch)
            {
                current = new SortedDictionary<string, double>(StringComparer.Ordinal);
                epochs.Add(new EpochMetrics(epoch, current));
            }

            // SQLite has no NaN: binding NaN stores NULL, so NULL reads back as NaN (±∞ are stored as such).
            current[reader.GetString(2)] = reader.IsDBNull(3) ? double.NaN : reader.GetDouble(3);
        }

        return byRun;
    }

    private static RunStatus ParseStatus(string text) => text switch
    {
        "running" => RunStatus.Running,
        "completed" => RunStatus.Completed,
        "failed" => RunStatus.Failed,
        "interrupted" => RunStatus.Interrupted,
        _ => throw new InvalidDataException($"Unknown run status '{text}' in the run store."),
    };

    private static DateTime ParseTime(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime();
}
