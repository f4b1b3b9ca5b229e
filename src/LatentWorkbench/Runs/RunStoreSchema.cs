using Microsoft.Data.Sqlite;

namespace LatentWorkbench.Runs;

/// <summary>The store's tables and how a file is brought up to the current schema version.</summary>
/// <remarks>
/// The file marks itself with <c>PRAGMA application_id</c> (<see cref="ApplicationId"/>) and records its schema
/// in <c>PRAGMA user_version</c>. <see cref="Migrations"/>[v] upgrades version v to v + 1 and
/// <see cref="CurrentVersion"/> is their count; a change to the schema appends a step and never edits an old
/// one. Upgrades run in one <c>BEGIN IMMEDIATE</c> transaction, so a crash leaves the old version intact and
/// two processes opening an old file at once upgrade it once.
/// </remarks>
internal static class RunStoreSchema
{
    /// <summary>"LWRS" in ASCII: marks a SQLite file as a LatentWorkbench run store.</summary>
    public const long ApplicationId = 0x4C575253;

    /// <summary>Version 0 → 1: runs and their per-epoch metrics.</summary>
    private const string Version1 = """
        CREATE TABLE runs (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            model            TEXT NOT NULL,
            config_hash      TEXT NOT NULL,
            config_json      TEXT NOT NULL,
            device           TEXT NOT NULL,
            code_version     TEXT NOT NULL,
            status           TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
            message          TEXT,
            checkpoint_path  TEXT,
            started_utc      TEXT NOT NULL,
            ended_utc        TEXT,
            duration_seconds REAL
        );
        CREATE INDEX runs_by_config_hash ON runs (config_hash, status, id);
        CREATE TABLE epoch_metrics (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            epoch  INTEGER NOT NULL,
            name   TEXT NOT NULL,
            value  REAL,
            PRIMARY KEY (run_id, epoch, name)
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// Version 1 → 2: the process that owns a run (id, host, start time), and the status <c>interrupted</c> for a run
    /// whose process died. SQLite cannot change a CHECK constraint in place, so <c>runs</c> is rebuilt; the metrics are
    /// copied first and their table dropped before <c>runs</c>, so that no cascade deletes them, and the renames carry
    /// the foreign key (and the AUTOINCREMENT counter) over to the new tables.
    /// </summary>
    private const string Version2 = """
        CREATE TABLE runs_v2 (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            model            TEXT NOT NULL,
            config_hash      TEXT NOT NULL,
            config_json      TEXT NOT NULL,
            device           TEXT NOT NULL,
            code_version     TEXT NOT NULL,
            status           TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
            message          TEXT,
            checkpoint_path  TEXT,
            started_utc      TEXT NOT NULL,
            ended_utc        TEXT,
            duration_seconds REAL,
            owner_pid        INTEGER,
            owner_host       TEXT,
            owner_start      TEXT
        );
        INSERT INTO runs_v2 (id, model, config_hash, config_json, device, code_version, status, message, checkpoint_path, started_utc, ended_utc, duration_seconds)
            SELECT id, model, config_hash, config_json, device, code_version, status, message, checkpoint_path, started_utc, ended_utc, duration_seconds FROM runs;
        CREATE TABLE epoch_metrics_v2 (
            run_id INTEGER NOT NULL REFERENCES runs_v2 (id) ON DELETE CASCADE,
            epoch  INTEGER NOT NULL,
            name   TEXT NOT NULL,
            value  REAL,
            PRIMARY KEY (run_id, epoch, name)
        ) WITHOUT ROWID;
        INSERT INTO epoch_metrics_v2 SELECT run_id, epoch, name, value FROM epoch_metrics;
        DROP TABLE epoch_metrics;
        DROP TABLE runs;
        ALTER TABLE runs_v2 RENAME TO runs;
        ALTER TABLE epoch_metrics_v2 RENAME TO epoch_metrics;
        CREATE INDEX runs_by_config_hash ON runs (config_hash, status, id);
        CREATE INDEX runs_by_status ON runs (status);
        """;

    /// <summary>
    /// Version 2 → 3: the values each notebook run recorded (notebook, time, parameters, code version, name → value), so
    /// the history survives the output folder's <c>metrics.json</c> being replaced by the next run. Only new tables: the
    /// runs and their metrics are untouched.
    /// </summary>
    private const string Version3 = """
        CREATE TABLE notebook_runs (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            notebook        TEXT NOT NULL,
            ran_utc         TEXT NOT NULL,
            parameters_json TEXT NOT NULL,
            code_version    TEXT NOT NULL,
            succeeded       INTEGER NOT NULL CHECK (succeeded IN (0, 1))
        );
        CREATE INDEX notebook_runs_by_notebook ON notebook_runs (notebook, id);
        CREATE TABLE recorded_values (
            notebook_run_id INTEGER NOT NULL REFERENCES notebook_runs (id) ON DELETE CASCADE,
            name            TEXT NOT NULL,
            value_json      TEXT NOT NULL,
            PRIMARY KEY (notebook_run_id, name)
        ) WITHOUT ROWID;
        """;

    /// <summary>Schema steps; index v upgrades version v to v + 1.</summary>
    public static IReadOnlyList<Action<SqliteConnection>> Migrations { get; } =
    [
        connection => Execute(connection, Version1),
        connection => Execute(connection, Version2),
        connection => Execute(connection, Version3),
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => Migrations.Count;

    /// <summary>Checks that <paramref name="connection"/> holds a run store this build can use and upgrades it to the latest version.</summary>
    /// <param name="connection">An open connection to the store file.</param>
    /// <param name="path">The file, for messages.</param>
    /// <param name="migrations">The steps to apply (the real ones, or a longer list in tests of future upgrades).</param>
    /// <exception cref="RunStoreException">The file is another application's database, or has a newer schema.</exception>
    public static void Upgrade(SqliteConnection connection, string path, IReadOnlyList<Action<SqliteConnection>> migrations)
    {
        long version;
        // One read transaction, so the application id, version and emptiness come from one snapshot: read one by one,
        // another process's upgrade committing between them looked like "another application's database".
        using (var read = connection.BeginTransaction(deferred: true))
        {
            version = Check(connection, path, migrations.Count);
            read.Commit();
        }

        if (version == migrations.Count)
        {
            return;
        }

        // WAL lets readers proceed while one writer commits; the mode is stored in the file, so set it once here.
        Execute(connection, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction(deferred: false);
        version = Check(connection, path, migrations.Count);
        for (long step = version; step < migrations.Count; step++)
        {
            migrations[(int)step](connection);
        }

        Execute(connection, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {migrations.Count};");
        transaction.Commit();
    }

    /// <summary>The file's schema version, after checking that it is ours (or empty) and not newer than <paramref name="supported"/>.</summary>
    private static long Check(SqliteConnection connection, string path, int supported)
    {
        long applicationId = Scalar(connection, "PRAGMA application_id;");
        long version = Scalar(connection, "PRAGMA user_version;");
        bool isEmpty = Scalar(connection, "SELECT count(*) FROM sqlite_schema;") == 0;
        if (applicationId != ApplicationId && !(applicationId == 0 && version == 0 && isEmpty))
        {
            throw new RunStoreException(
                $"'{path}' is a SQLite database of another application (application_id {applicationId}, user_version {version}), not a LatentWorkbench run store; choose another file with --store or {RunStore.PathVariable}.");
        }

        if (version > supported)
        {
            throw new RunStoreException(
                $"'{path}' has run-store schema version {version}, newer than this build of LatentWorkbench understands ({supported}); update LatentWorkbench, or use another store with --store or {RunStore.PathVariable}.");
        }

        return version;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
