using System.Diagnostics;

namespace LatentWorkbench.Runs;

/// <summary>A run begun with <see cref="RunStore.Begin"/>: record epochs, then <see cref="Complete"/> or <see cref="Fail"/> it exactly once.</summary>
/// <remarks>
/// Disposing a handle that was neither completed nor failed marks the run failed ("interrupted"), so a
/// <c>using</c> block records an exception that escapes the training code. A process that is killed leaves
/// its run <c>running</c>; either way the run is never returned as a cached result.
/// </remarks>
public sealed class RunHandle : IRunRecorder, IDisposable
{
    private readonly RunStore _store;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private RunStatus _status = RunStatus.Running;

    internal RunHandle(RunStore store, long id, RunKey key)
    {
        _store = store;
        RunId = id;
        Key = key;
    }

    /// <inheritdoc/>
    public long RunId { get; }

    /// <inheritdoc/>
    public RunKey Key { get; }

    /// <summary>Running until <see cref="Complete"/> or <see cref="Fail"/> (or disposal) ends it.</summary>
    public RunStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    /// <inheritdoc/>
    public string CheckpointPath(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (extension.Length > 0 && extension[0] != '.')
        {
            throw new ArgumentException($"A file extension starts with a dot (e.g. .safetensors); got '{extension}'.", nameof(extension));
        }

        char[] invalid = System.IO.Path.GetInvalidFileNameChars();
        string model = string.Concat(Key.Model.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '-' : c));
        string folder = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_store.Path)!, "checkpoints");
        return System.IO.Path.Combine(folder, $"{model}-{Key.ShortHash}-run{RunId}{extension}");
    }

    /// <inheritdoc/>
    public void RecordEpoch(int epoch, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (string name in metrics.Keys)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"Metric names must not be blank (epoch {epoch}).", nameof(metrics));
            }
        }

        lock (_lock)
        {
            EnsureRunning(nameof(RecordEpoch));
            _store.Execute(connection =>
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO epoch_metrics (run_id, epoch, name, value) VALUES ($run, $epoch, $name, $value)
                    ON CONFLICT (run_id, epoch, name) DO UPDATE SET value = excluded.value;
                    """;
                command.Parameters.AddWithValue("$run", RunId);
                command.Parameters.AddWithValue("$epoch", epoch);
                var name = command.Parameters.Add("$name", Microsoft.Data.Sqlite.SqliteType.Text);
                var value = command.Parameters.Add("$value", Microsoft.Data.Sqlite.SqliteType.Real);
                foreach (var (metric, number) in metrics)
                {
                    name.Value = metric;
                    value.Value = double.IsNaN(number) ? DBNull.Value : number;
                    command.ExecuteNonQuery();
                }

                transaction.Commit();
            });
        }
    }

    /// <summary>Marks the run completed with the checkpoint it wrote; from now on the cache returns it for its config.</summary>
    /// <param name="checkpointPath">The checkpoint file; it must exist (a completed run without its weights would be a false cache hit).</param>
    /// <returns>The run as stored.</returns>
    public RunRecord Complete(string checkpointPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointPath);
        string full = System.IO.Path.GetFullPath(checkpointPath);
        if (!File.Exists(full))
        {
            throw new ArgumentException($"The checkpoint '{full}' does not exist; complete a run with the file it wrote.", nameof(checkpointPath));
        }

        return Finish(RunStatus.Completed, message: null, checkpoint: full, nameof(Complete));
    }

    /// <summary>Marks the run failed; it stays in the store for inspection but never replaces a completed run.</summary>
    /// <param name="message">What went wrong, e.g. the exception's message.</param>
    /// <returns>The run as stored.</returns>
    public RunRecord Fail(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return Finish(RunStatus.Failed, message, checkpoint: null, nameof(Fail));
    }

    /// <summary>Marks a run that was neither completed nor failed as failed ("interrupted"); does nothing otherwise.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_status != RunStatus.Running)
            {
                return;
            }
        }

        try
        {
            Fail("interrupted: the run ended without Complete or Fail (an exception escaped the training code?)");
        }
        catch (Exception e) when (e is RunStoreException or InvalidOperationException)
        {
            // Dispose must not mask the exception that is unwinding: the store is unreachable or the run was
            // finished elsewhere, and either way it is never a cached result.
        }
    }

    private RunRecord Finish(RunStatus status, string? message, string? checkpoint, string operation)
    {
        lock (_lock)
        {
            EnsureRunning(operation);
            double seconds = _clock.Elapsed.TotalSeconds;
            int changed = _store.Execute(connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    UPDATE runs SET status = $status, message = $message, checkpoint_path = $checkpoint,
                                    ended_utc = $ended, duration_seconds = $seconds
                    WHERE id = $id AND status = 'running';
                    """;
                command.Parameters.AddWithValue("$status", RunRows.FormatStatus(status));
                command.Parameters.AddWithValue("$message", (object?)message ?? DBNull.Value);
                command.Parameters.AddWithValue("$checkpoint", (object?)checkpoint ?? DBNull.Value);
                command.Parameters.AddWithValue("$ended", RunRows.FormatTime(DateTime.UtcNow));
                command.Parameters.AddWithValue("$seconds", seconds);
                command.Parameters.AddWithValue("$id", RunId);
                return command.ExecuteNonQuery();
            });
            if (changed != 1)
            {
                throw new InvalidOperationException($"Run {RunId} in '{_store.Path}' is no longer running (was it removed or finished elsewhere?).");
            }

            _status = status;
        }

        return _store.Get(RunId) ?? throw new InvalidOperationException($"Run {RunId} vanished from '{_store.Path}'.");
    }

    private void EnsureRunning(string operation)
    {
        if (_status != RunStatus.Running)
        {
            throw new InvalidOperationException($"Run {RunId} is already {RunRows.FormatStatus(_status)}; {operation} is allowed only while it runs.");
        }
    }
}
