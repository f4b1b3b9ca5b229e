using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using LatentWorkbench.Cli.Commands;
using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Cli.Commands;

public sealed class RunsCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _storePath;
    private readonly RunRecord _completed, _failed;
    private readonly long _runningId;

    public RunsCommandTests()
    {
        _storePath = _temp.File("runs.db");
        var store = RunStore.Open(_storePath);
        using (var run = store.Begin(RunKey.For("vae", new { hidden = 400, latent = 20 }), "cpu"))
        {
            run.RecordEpoch(1, new Dictionary<string, double> { ["train_loss"] = 164.25, ["test_loss"] = 128.5, ["seconds"] = 2.5 });
            run.RecordEpoch(2, new Dictionary<string, double> { ["train_loss"] = 121.75, ["test_loss"] = 115.125, ["seconds"] = 2.25 });
            string checkpoint = _temp.File("vae.safetensors");
            File.WriteAllText(checkpoint, "weights");
            _completed = run.Complete(checkpoint);
        }

        using (var run = store.Begin(RunKey.For("beta-vae", new { beta = 4 }), "cuda:0"))
        {
            run.RecordEpoch(1, new Dictionary<string, double> { ["train_loss"] = double.NaN });
            _failed = run.Fail("loss became NaN at step 17");
        }

        var running = store.Begin(RunKey.For("autoencoder", new { latent = 2 }), "cpu");
        _runningId = running.RunId;
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        using var output = new StringWriter();
        var root = new RootCommand { RunsCommand.Create(output) };
        int exitCode = await root.Parse(args).InvokeAsync();
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task List_Shows_One_Row_Per_Run_With_Status_Epochs_Final_Metrics_And_Duration()
    {
        var (exitCode, output) = await Run("runs", "list", "--store", _storePath);

        Assert.Equal(0, exitCode);
        Assert.Contains($"3 runs in {_storePath}", output, StringComparison.Ordinal);
        string[] lines = output.Split('\n');
        string completedRow = Assert.Single(lines, l => l.Contains(_completed.ShortHash, StringComparison.Ordinal));
        Assert.Contains(" vae ", completedRow, StringComparison.Ordinal);
        Assert.Contains(" completed ", completedRow, StringComparison.Ordinal);
        Assert.Matches(@"│\s+2 │", completedRow);
        Assert.Contains(_completed.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), completedRow, StringComparison.Ordinal);
        Assert.Matches(@"\d+\.\d s", completedRow);
        Assert.Contains("test_loss 115.125", output, StringComparison.Ordinal);
        Assert.Contains("train_loss 121.75", output, StringComparison.Ordinal);
        Assert.Contains(" failed ", Assert.Single(lines, l => l.Contains(_failed.ShortHash, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("train_loss NaN", output, StringComparison.Ordinal);
        Assert.Contains(" running ", Assert.Single(lines, l => l.Contains(" autoencoder ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Json_Carries_Every_Run_As_The_Store_Holds_It()
    {
        var (exitCode, output) = await Run("runs", "list", "--store", _storePath, "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(_storePath, document.RootElement.GetProperty("store").GetString());
        var runs = document.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([_completed.Id, _failed.Id, _runningId], runs.Select(r => r.GetProperty("id").GetInt64()));
        var completed = runs[0];
        Assert.Equal(_completed.ConfigHash, completed.GetProperty("config_hash").GetString());
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(400, completed.GetProperty("config").GetProperty("hidden").GetInt32());
        Assert.Equal(_completed.CheckpointPath, completed.GetProperty("checkpoint").GetString());
        Assert.True(completed.GetProperty("checkpoint_exists").GetBoolean());
        Assert.Equal(_completed.Duration!.Value.TotalSeconds, completed.GetProperty("duration_seconds").GetDouble());
        var epochs = completed.GetProperty("epochs").EnumerateArray().ToList();
        Assert.Equal([1, 2], epochs.Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.Equal(115.125, epochs[1].GetProperty("metrics").GetProperty("test_loss").GetDouble());
        Assert.Equal("loss became NaN at step 17", runs[1].GetProperty("message").GetString());
        Assert.Equal("NaN", runs[1].GetProperty("epochs")[0].GetProperty("metrics").GetProperty("train_loss").GetString());
        Assert.Equal(JsonValueKind.Null, runs[2].GetProperty("ended_utc").ValueKind);
    }

    [Fact]
    public async Task Show_Prints_Config_Epochs_Checkpoint_Device_And_Code_Version()
    {
        var (exitCode, output) = await Run("runs", "show", $"{_completed.Id}", "--store", _storePath);

        Assert.Equal(0, exitCode);
        Assert.Contains(_completed.ConfigHash, output, StringComparison.Ordinal);
        Assert.Contains(_completed.CheckpointPath!, output, StringComparison.Ordinal);
        Assert.DoesNotContain("(missing)", output, StringComparison.Ordinal);
        Assert.Matches(@"device\s+cpu\n", output);
        Assert.Contains(_completed.CodeVersion, output, StringComparison.Ordinal);
        Assert.Contains("\"hidden\": 400", output, StringComparison.Ordinal);
        Assert.Contains("\"latent\": 20", output, StringComparison.Ordinal);
        Assert.Matches(@"│\s+1 │\s+2\.5 │\s+128\.5 │\s+164\.25 │", output);
        Assert.Matches(@"│\s+2 │\s+2\.25 │\s+115\.125 │\s+121\.75 │", output);
    }

    [Fact]
    public async Task Show_Of_A_Failed_Run_Gives_Its_Message_And_Of_A_Lost_Checkpoint_Says_So()
    {
        var (_, failed) = await Run("runs", "show", $"{_failed.Id}", "--store", _storePath);
        File.Delete(_completed.CheckpointPath!);
        var (_, lost) = await Run("runs", "show", $"{_completed.Id}", "--store", _storePath);

        Assert.Matches(@"message\s+loss became NaN at step 17\n", failed);
        Assert.Matches(@"device\s+cuda:0\n", failed);
        Assert.Contains("completed, checkpoint missing", lost, StringComparison.Ordinal);
        Assert.Contains($"{_completed.CheckpointPath} (missing)", lost, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Json_Matches_The_Stored_Run()
    {
        var (exitCode, output) = await Run("runs", "show", $"{_failed.Id}", "--store", _storePath, "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var run = document.RootElement;
        Assert.Equal(_failed.Id, run.GetProperty("id").GetInt64());
        Assert.Equal("beta-vae", run.GetProperty("model").GetString());
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal("cuda:0", run.GetProperty("device").GetString());
        Assert.Equal(4, run.GetProperty("config").GetProperty("beta").GetInt32());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("checkpoint").ValueKind);
    }

    [Fact]
    public async Task List_Of_A_Missing_Store_Says_So_Without_Creating_It()
    {
        string missing = _temp.File("none.db");
        var (exitCode, output) = await Run("runs", "list", "--store", missing);
        var (jsonExitCode, json) = await Run("runs", "list", "--store", missing, "--json");

        Assert.Equal(0, exitCode);
        Assert.Contains($"no store at {missing}", output, StringComparison.Ordinal);
        Assert.Equal(0, jsonExitCode);
        using var document = JsonDocument.Parse(json);
        Assert.Empty(document.RootElement.GetProperty("runs").EnumerateArray());
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Unknown_Ids_Missing_Stores_And_Files_That_Are_Not_Stores_Exit_With_Code_1()
    {
        string notSqlite = _temp.File("notes.txt");
        File.WriteAllText(notSqlite, string.Concat(Enumerable.Repeat("not a database\n", 100)));

        Assert.Equal(1, (await Run("runs", "show", "999", "--store", _storePath)).ExitCode);
        Assert.Equal(1, (await Run("runs", "show", "1", "--store", _temp.File("none.db"))).ExitCode);
        Assert.Equal(1, (await Run("runs", "list", "--store", notSqlite)).ExitCode);
        Assert.NotEqual(0, (await Run("runs", "show", "abc", "--store", _storePath)).ExitCode);
    }

    [Fact]
    public void The_Tool_Reports_A_Bad_Store_As_One_Error_Line_Naming_The_File()
    {
        string notSqlite = _temp.File("notes.db");
        File.WriteAllText(notSqlite, string.Concat(Enumerable.Repeat("not a database\n", 100)));
        string workbench = Path.Combine(AppContext.BaseDirectory, "workbench.dll");
        string dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet, ["exec", workbench, "runs", "list", "--store", notSqlite])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var process = Process.Start(info)!;
        string stdout = process.StandardOutput.ReadToEnd(), stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", stdout);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(notSqlite, line, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", line, StringComparison.Ordinal);
    }
}
