using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;
using Microsoft.Data.Sqlite;

namespace LatentWorkbench.Tests.Runs;

public sealed class RunStoreSchemaTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static void Sql(string path, string sql) => SqliteFile.Execute(path, sql);

    private static long Scalar(string path, string sql) => SqliteFile.Scalar(path, sql);

    private static string Journal(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public void A_New_Store_Is_Marked_With_Its_Application_Id_Schema_Version_And_Wal()
    {
        string path = _temp.File("runs.db");
        RunStore.Open(path);

        Assert.Equal(RunStoreSchema.ApplicationId, Scalar(path, "PRAGMA application_id;"));
        Assert.Equal(RunStoreSchema.CurrentVersion, Scalar(path, "PRAGMA user_version;"));
        Assert.Equal("wal", Journal(path));
    }

    [Fact]
    public void An_Empty_File_Becomes_A_Store()
    {
        string path = _temp.File("runs.db");
        File.WriteAllBytes(path, []);

        var store = RunStore.Open(path);
        Assert.Empty(store.List());
        Assert.Equal(RunStoreSchema.CurrentVersion, Scalar(path, "PRAGMA user_version;"));
    }

    [Fact]
    public void A_Store_With_A_Newer_Schema_Is_Refused_By_Name_And_Version()
    {
        string path = _temp.File("runs.db");
        RunStore.Open(path);
        Sql(path, $"PRAGMA user_version = {RunStoreSchema.CurrentVersion + 1};");

        var error = Assert.Throws<RunStoreException>(() => RunStore.Open(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {RunStoreSchema.CurrentVersion + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_Applications_Database_Is_Refused_And_Left_Untouched()
    {
        string path = _temp.File("other.db");
        Sql(path, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me');");

        var error = Assert.Throws<RunStoreException>(() => RunStore.Open(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("another application", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'runs';"));
        Assert.Equal(1, Scalar(path, "SELECT count(*) FROM notes;"));
    }

    [Fact]
    public void A_File_That_Is_Not_Sqlite_Is_Refused_By_Name_And_Left_Untouched()
    {
        string path = _temp.File("runs.db");
        byte[] text = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("this is a CSV file, not a database\n", 200)));
        File.WriteAllBytes(path, text);

        var error = Assert.Throws<RunStoreException>(() => RunStore.Open(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_Store_With_Damaged_Pages_Is_Reported_As_Corrupt()
    {
        string path = _temp.File("runs.db");
        var store = RunStore.Open(path);
        for (int i = 0; i < 10; i++)
        {
            using var run = store.Begin(RunStoreTests.Key(hidden: i), "cpu");
            run.RecordEpoch(1, new Dictionary<string, double> { ["train_loss"] = i });
        }

        // Fold the WAL into the main file, then overwrite everything after the header page with garbage.
        Sql(path, "PRAGMA wal_checkpoint(TRUNCATE);");
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            int pageSize = 4096;
            file.Position = pageSize;
            var garbage = new byte[file.Length - pageSize];
            new Random(1).NextBytes(garbage);
            file.Write(garbage);
        }

        var error = Assert.Throws<RunStoreException>(() => RunStore.Open(path).List());
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Folder_At_The_Path_Is_Refused()
    {
        var error = Assert.Throws<RunStoreException>(() => RunStore.Open(_temp.Path));
        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Future_Migration_Step_Upgrades_An_Existing_Store_Once_And_Keeps_Its_Runs()
    {
        string path = _temp.File("runs.db");
        var store = RunStore.Open(path);
        long id;
        using (var run = store.Begin(RunStoreTests.Key(), "cpu"))
        {
            id = run.RunId;
            run.Fail("kept");
        }

        int applied = 0;
        var future = RunStoreSchema.Migrations.Append(connection =>
        {
            applied++;
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE runs ADD COLUMN host TEXT;";
            command.ExecuteNonQuery();
        }).ToList();

        RunStore.OpenWith(path, future);
        var upgraded = RunStore.OpenWith(path, future);

        Assert.Equal(1, applied);
        Assert.Equal(future.Count, Scalar(path, "PRAGMA user_version;"));
        Assert.Equal(1, Scalar(path, "SELECT count(*) FROM pragma_table_info('runs') WHERE name = 'host';"));
        Assert.Equal("kept", upgraded.Get(id)!.Message);
        // The current build now sees a newer store and says so.
        Assert.Throws<RunStoreException>(() => RunStore.Open(path));
    }

    [Fact]
    public void A_Version_1_Store_Keeps_Its_Runs_Metrics_And_Ids_And_Learns_The_Interrupted_Status()
    {
        string path = _temp.File("runs.db");
        RunStore.OpenWith(path, RunStoreSchema.Migrations.Take(1).ToList());
        Sql(path, """
            INSERT INTO runs (model, config_hash, config_json, device, code_version, status, started_utc)
            VALUES ('tiny', 'aa', '{}', 'cpu', 'v1', 'running', '2026-12-01T00:00:00.0000000Z'),
                   ('tiny', 'bb', '{}', 'cpu', 'v1', 'failed', '2026-12-01T00:00:01.0000000Z');
            DELETE FROM runs WHERE id = 2;
            INSERT INTO runs (model, config_hash, config_json, device, code_version, status, started_utc)
            VALUES ('tiny', 'cc', '{}', 'cpu', 'v1', 'completed', '2026-12-01T00:00:02.0000000Z');
            INSERT INTO epoch_metrics VALUES (1, 1, 'train_loss', 2.5), (3, 1, 'train_loss', 1.5), (3, 2, 'train_loss', 1.25);
            """);

        var store = RunStore.Open(path);

        Assert.Equal(RunStoreSchema.CurrentVersion, Scalar(path, "PRAGMA user_version;"));
        var runs = store.List();
        Assert.Equal([1L, 3L], runs.Select(r => r.Id));
        // A version-1 run has no owner to check: it stays as it was.
        Assert.Equal([RunStatus.Running, RunStatus.Completed], runs.Select(r => r.Status));
        Assert.Equal([1, 2], runs[1].Epochs.Select(e => e.Epoch));
        Assert.Equal(1.25, runs[1].FinalMetrics["train_loss"]);
        // AUTOINCREMENT still never reuses the deleted id 2 (nor 3), and the metrics still cascade with their run.
        using (var run = store.Begin(RunStoreTests.Key(), "cpu"))
        {
            Assert.Equal(4, run.RunId);
            run.Fail("checked");
        }

        Sql(path, "PRAGMA foreign_keys = ON; DELETE FROM runs WHERE id = 3;");
        Assert.Equal(1, Scalar(path, "SELECT count(*) FROM epoch_metrics;"));
        Sql(path, "UPDATE runs SET status = 'interrupted' WHERE id = 1;");
        Assert.Equal(RunStatus.Interrupted, store.Get(1)!.Status);
    }

    [Fact]
    public void A_Migration_That_Fails_Leaves_The_Old_Version_Intact()
    {
        string path = _temp.File("runs.db");
        RunStore.Open(path);
        var broken = RunStoreSchema.Migrations.Append(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE runs ADD COLUMN host TEXT; SELECT * FROM no_such_table;";
            command.ExecuteNonQuery();
        }).ToList();

        Assert.Throws<RunStoreException>(() => RunStore.OpenWith(path, broken));
        Assert.Equal(RunStoreSchema.CurrentVersion, Scalar(path, "PRAGMA user_version;"));
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM pragma_table_info('runs') WHERE name = 'host';"));
    }

    [Fact]
    public void The_Default_Path_Is_Data_Runs_In_The_Repository_Outside_The_Notebook_Output_Unless_The_Variable_Names_One()
    {
        string? previous = Environment.GetEnvironmentVariable(RunStore.PathVariable);
        try
        {
            Environment.SetEnvironmentVariable(RunStore.PathVariable, null);
            string root = LatentWorkbench.Data.DataPaths.FindRepositoryRoot() ?? LatentWorkbench.Data.DataPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
            Assert.Equal(Path.Combine(root, "data", "runs", "runs.db"), RunStore.DefaultPath());
            // A successful notebook run replaces artifacts/ as a whole: the store must not live there.
            Assert.False(RunStore.DefaultPath().StartsWith(Path.Combine(root, "artifacts"), StringComparison.Ordinal));

            Environment.SetEnvironmentVariable(RunStore.PathVariable, _temp.File("elsewhere.db"));
            Assert.Equal(_temp.File("elsewhere.db"), RunStore.DefaultPath());
            Assert.Equal(_temp.File("elsewhere.db"), RunStore.Open().Path);
        }
        finally
        {
            Environment.SetEnvironmentVariable(RunStore.PathVariable, previous);
        }
    }
}
