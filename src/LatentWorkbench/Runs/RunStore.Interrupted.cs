using Microsoft.Data.Sqlite;

namespace LatentWorkbench.Runs;

public sealed partial class RunStore
{
    /// <summary>
    /// Marks <see cref="RunStatus.Interrupted"/> every running run whose process, on this host, is gone; returns how many.
    /// Called when the store is opened and listed, so a killed training never shows as running.
    /// </summary>
    /// <remarks>
    /// Only runs begun on this host can be checked (a process id means nothing elsewhere); runs recorded before the store
    /// knew their owner (schema version 1) stay as they are. A rerun of the same config trains anew either way, since
    /// only completed runs are cached.
    /// </remarks>
    public int MarkInterruptedRuns()
    {
        var running = Execute(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT id, owner_pid, owner_host, owner_start FROM runs
                WHERE status = 'running' AND owner_pid IS NOT NULL AND owner_host = $host;
                """;
            command.Parameters.AddWithValue("$host", Environment.MachineName);
            using var reader = command.ExecuteReader();
            var found = new List<(long Id, RunOwner Owner)>();
            while (reader.Read())
            {
                found.Add((reader.GetInt64(0), new RunOwner(reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? "" : reader.GetString(3))));
            }

            return found;
        });
        var gone = running.Where(r => r.Owner.IsGone()).ToList();
        if (gone.Count == 0)
        {
            return 0;
        }

        return Execute(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            int marked = 0;
            foreach (var (id, owner) in gone)
            {
                marked += MarkInterrupted(connection, id, owner);
            }

            transaction.Commit();
            return marked;
        });
    }

    private static int MarkInterrupted(SqliteConnection connection, long id, RunOwner owner)
    {
        using var command = connection.CreateCommand();
        // The status test makes this a no-op for a run its process finished between the read and this write.
        command.CommandText = """
            UPDATE runs SET status = 'interrupted', message = $message, ended_utc = $ended
            WHERE id = $id AND status = 'running';
            """;
        command.Parameters.AddWithValue("$message", $"interrupted: process {owner.ProcessId} on {owner.Host} ended without finishing the run (killed, crashed or shut down)");
        command.Parameters.AddWithValue("$ended", RunRows.FormatTime(DateTime.UtcNow));
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery();
    }
}
