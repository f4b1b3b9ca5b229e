using LatentWorkbench.Data;
using Microsoft.Data.Sqlite;

namespace LatentWorkbench.Runs;

/// <summary>
/// Every training run, recorded in one SQLite file: config and its hash, model, device, code version, times,
/// per-epoch metrics, checkpoint and status. It answers "has this exact config been trained, and is its
/// checkpoint still there?" so recipes train only on a miss (<see cref="GetOrTrain"/>).
/// </summary>
/// <remarks>
/// The instance holds no connection: every call opens the file, does one short transaction and closes it, so
/// one store can be used from many threads, and many processes can write the same file at once (WAL journal,
/// <c>BEGIN IMMEDIATE</c> for writes, a busy timeout of <see cref="BusyTimeout"/>). The schema is described in
/// docs/run-store.md.
/// </remarks>
public sealed partial class RunStore
{
    /// <summary>The environment variable naming the store file; it overrides the default location.</summary>
    public const string PathVariable = "LATENTWORKBENCH_RUNS";

    /// <summary>How long a call waits for another writer to finish before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connectionString;

    static RunStore() => SqliteNativeLibrary.EnsureResolvable();

    private RunStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // No pooling: a closed store leaves no open handle behind (the file can be moved or deleted).
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            ForeignKeys = true,
        }.ToString();
    }

    /// <summary>Full path of the store file.</summary>
    public string Path { get; }

    /// <summary>
    /// The store used when none is named: <c>$LATENTWORKBENCH_RUNS</c> when set, else <c>data/runs/runs.db</c>
    /// under the repository root (found like the MNIST folder, from the current directory or the library's
    /// folder), else under the current directory.
    /// </summary>
    public static string DefaultPath() => DefaultPath(Directory.GetCurrentDirectory());

    /// <summary>
    /// The store a notebook in <paramref name="startDirectory"/> opens with <see cref="Open"/> (it runs with its own folder as the
    /// current directory): as <see cref="DefaultPath()"/>, the repository root searched from <paramref name="startDirectory"/>.
    /// </summary>
    public static string DefaultPath(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startDirectory);
        string? fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return System.IO.Path.GetFullPath(fromEnvironment);
        }

        string root = DataPaths.FindRepositoryRoot(startDirectory) ?? DataPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? startDirectory;
        // Not under artifacts/: a notebook run replaces that whole folder when it succeeds, and trained models
        // must outlive every rerun (that is what makes a rerun with unchanged parameters instant).
        return System.IO.Path.Combine(root, "data", "runs", "runs.db");
    }

    /// <summary>Opens the store at <paramref name="path"/> (default: <see cref="DefaultPath()"/>), creating the file and its folder when missing and upgrading an older schema.</summary>
    /// <exception cref="RunStoreException">The file is not SQLite, is corrupt, belongs to another application, has a newer schema, or cannot be written.</exception>
    public static RunStore Open(string? path = null) => OpenAt(path, create: true);

    /// <summary>Opens an existing store without creating one (for tools that only read).</summary>
    /// <exception cref="RunStoreException">There is no file at the path, or it cannot be used (as for <see cref="Open"/>).</exception>
    public static RunStore OpenExisting(string? path = null) => OpenAt(path, create: false);

    /// <summary>Opens a store and applies <paramref name="migrations"/>; tests use it to rehearse a future schema step.</summary>
    internal static RunStore OpenWith(string path, IReadOnlyList<Action<SqliteConnection>> migrations)
    {
        var store = new RunStore(System.IO.Path.GetFullPath(path));
        store.Execute(connection => RunStoreSchema.Upgrade(connection, store.Path, migrations));
        return store;
    }

    private static RunStore OpenAt(string? path, bool create)
    {
        string full = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? DefaultPath() : path);
        if (Directory.Exists(full))
        {
            throw new RunStoreException($"'{full}' is a folder; a run store is a file (e.g. {System.IO.Path.Combine(full, "runs.db")}).");
        }

        if (!create && !File.Exists(full))
        {
            throw new RunStoreException($"No run store at '{full}' (nothing has been trained into it yet; name another with --store or {PathVariable}).");
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var store = OpenWith(full, RunStoreSchema.Migrations);
        store.MarkInterruptedRuns();
        return store;
    }

    /// <summary>Records the start of a run of <paramref name="key"/>; finish it with <see cref="RunHandle.Complete"/> or <see cref="RunHandle.Fail"/>.</summary>
    /// <param name="key">Model and config.</param>
    /// <param name="device">Where it trains, e.g. <c>cpu</c> or <c>cuda:0</c>.</param>
    /// <param name="codeVersion">The code training it (default: <see cref="CodeVersion.Current"/>).</param>
    public RunHandle Begin(RunKey key, string device, string? codeVersion = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        var started = DateTime.UtcNow;
        long id = Execute(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO runs (model, config_hash, config_json, device, code_version, status, started_utc, owner_pid, owner_host, owner_start)
                VALUES ($model, $hash, $config, $device, $code, 'running', $started, $pid, $host, $processStart)
                RETURNING id;
                """;
            var owner = RunOwner.Current;
            command.Parameters.AddWithValue("$pid", owner.ProcessId);
            command.Parameters.AddWithValue("$host", owner.Host);
            command.Parameters.AddWithValue("$processStart", owner.StartTime);
            command.Parameters.AddWithValue("$model", key.Model);
            command.Parameters.AddWithValue("$hash", key.ConfigHash);
            command.Parameters.AddWithValue("$config", key.ConfigJson);
            command.Parameters.AddWithValue("$device", device);
            command.Parameters.AddWithValue("$code", codeVersion ?? CodeVersion.Current);
            command.Parameters.AddWithValue("$started", RunRows.FormatTime(started));
            return (long)command.ExecuteScalar()!;
        });
        return new RunHandle(this, id, key);
    }

    /// <summary>The newest completed run of <paramref name="configHash"/> whose checkpoint file still exists, or null.</summary>
    /// <remarks>Running and failed runs are never returned, so a failed retrain leaves the last good result in place.</remarks>
    public RunRecord? TryFindCompleted(string configHash)
    {
        if (!RunKey.IsConfigHash(configHash))
        {
            throw new ArgumentException($"A config hash is 64 hex digits; got '{configHash}'.", nameof(configHash));
        }

        var candidates = Execute(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, checkpoint_path FROM runs WHERE config_hash = $hash AND status = 'completed' ORDER BY id DESC;";
            command.Parameters.AddWithValue("$hash", configHash.ToLowerInvariant());
            using var reader = command.ExecuteReader();
            var found = new List<(long Id, string? Checkpoint)>();
            while (reader.Read())
            {
                found.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }

            return found;
        });
        foreach (var (id, checkpoint) in candidates)
        {
            if (checkpoint is not null && File.Exists(checkpoint))
            {
                return Get(id);
            }
        }

        return null;
    }

    /// <summary>The run with <paramref name="id"/>, or null when the store has none.</summary>
    public RunRecord? Get(long id) => Execute(connection => RunRows.Read(connection, id)).SingleOrDefault();

    /// <summary>Every run, oldest first; runs whose process died are marked <see cref="RunStatus.Interrupted"/> first.</summary>
    public IReadOnlyList<RunRecord> List()
    {
        MarkInterruptedRuns();
        return Execute(connection => RunRows.Read(connection, id: null));
    }

    /// <summary>SQLite's own consistency check of the file: <c>["ok"]</c> when the file is sound, else the problems it found.</summary>
    public IReadOnlyList<string> CheckIntegrity() => Execute(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    });

    /// <summary>Runs <paramref name="work"/> on a fresh connection; SQLite errors become a <see cref="RunStoreException"/> naming the file.</summary>
    internal T Execute<T>(Func<SqliteConnection, T> work)
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                // synchronous = NORMAL is what SQLite recommends with WAL: a power cut may lose the last commits, never consistency.
                pragma.CommandText = $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
                pragma.ExecuteNonQuery();
            }

            return work(connection);
        }
        catch (SqliteException e)
        {
            throw Explain(e);
        }
    }

    /// <inheritdoc cref="Execute{T}(Func{SqliteConnection, T})"/>
    internal void Execute(Action<SqliteConnection> work) => Execute<object?>(connection =>
    {
        work(connection);
        return null;
    });

    private RunStoreException Explain(SqliteException e) => e.SqliteErrorCode switch
    {
        SqliteErrorCodes.NotADatabase => new RunStoreException(
            $"'{Path}' is not a SQLite database, so it cannot be a run store; move it away or choose another file with --store or {PathVariable}.", e),
        SqliteErrorCodes.Corrupt => new RunStoreException(
            $"The run store '{Path}' is corrupt ({e.Message}); move it away (a new store starts empty) or restore it from a copy.", e),
        _ => new RunStoreException($"Run store '{Path}': {e.Message}", e),
    };

    /// <summary>The SQLite primary result codes the store explains in its own words.</summary>
    private static class SqliteErrorCodes
    {
        public const int Corrupt = 11;
        public const int NotADatabase = 26;
    }
}
