using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LatentWorkbench.Runs;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench runs list|show|compare|history</c>: what the run store recorded about each training run and each notebook run.</summary>
internal static partial class RunsCommand
{
    /// <summary>Builds the command group; <paramref name="output"/> replaces stdout (tests read what it prints).</summary>
    public static Command Create(TextWriter? output = null)
    {
        var runs = new Command("runs", "List, inspect and compare recorded training runs (the run store: config, metrics per epoch, checkpoint) and the values notebook runs recorded.");
        runs.Subcommands.Add(CreateList(output));
        runs.Subcommands.Add(CreateShow(output));
        runs.Subcommands.Add(CreateCompare(output));
        runs.Subcommands.Add(CreateHistory(output));
        return runs;
    }

    private static Option<string?> StoreOption() => new("--store")
    {
        Description = $"Run store file (default: data/runs/runs.db in the repository, or ${RunStore.PathVariable}).",
    };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON instead of a table." };

    private static Command CreateList(TextWriter? output)
    {
        var store = StoreOption();
        var json = JsonOption();
        var list = new Command("list", "One line per run: id, model, config hash, status, epochs, final metrics, duration, start time.") { store, json };
        CliAction.Set(list, (parse, _) =>
        {
            string path = Path.GetFullPath(parse.GetValue(store) ?? RunStore.DefaultPath());
            IReadOnlyList<RunRecord> runs = File.Exists(path) ? RunStore.OpenExisting(path).List() : [];
            var stdout = output ?? Console.Out;
            if (parse.GetValue(json))
            {
                stdout.WriteLine(Json(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("store", path);
                    writer.WriteStartArray("runs");
                    foreach (var run in runs)
                    {
                        RunRecordJson.Write(writer, run);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }));
                return Task.FromResult(0);
            }

            var console = ConsoleFor(stdout);
            if (runs.Count == 0)
            {
                console.WriteLine(File.Exists(path) ? $"No runs recorded in {path}." : $"No runs recorded: there is no store at {path} yet.");
                return Task.FromResult(0);
            }

            var table = new Table().AddColumn(new TableColumn("id").RightAligned()).AddColumn("model").AddColumn("hash").AddColumn("status")
                .AddColumn(new TableColumn("epochs").RightAligned()).AddColumn("final metrics").AddColumn(new TableColumn("duration").RightAligned())
                .AddColumn("started (UTC)");
            foreach (var run in runs)
            {
                table.AddRow(
                    new Text(run.Id.ToString(CultureInfo.InvariantCulture)),
                    new Text(run.Model),
                    new Text(run.ShortHash),
                    Status(run),
                    new Text(run.Epochs.Count.ToString(CultureInfo.InvariantCulture)),
                    new Text(string.Join('\n', run.FinalMetrics.Select(m => $"{m.Key} {Number(m.Value)}"))),
                    new Text(run.Duration is { } d ? Duration(d) : "-"),
                    new Text(run.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
            }

            console.WriteLine($"{runs.Count} run{(runs.Count == 1 ? "" : "s")} in {path}");
            console.Write(table);
            return Task.FromResult(0);
        });
        return list;
    }

    private static Command CreateShow(TextWriter? output)
    {
        var id = new Argument<long>("id") { Description = "The run's id (the first column of `workbench runs list`)." };
        var store = StoreOption();
        var json = JsonOption();
        var show = new Command("show", "One run in full: config, metrics of every epoch, checkpoint, device, code version, times, failure message.") { id, store, json };
        CliAction.Set(show, (parse, _) =>
        {
            var runStore = RunStore.OpenExisting(parse.GetValue(store));
            long runId = parse.GetValue(id);
            var run = runStore.Get(runId)
                ?? throw new KeyNotFoundException($"No run {runId} in '{runStore.Path}'; `workbench runs list` shows the ids.");
            var stdout = output ?? Console.Out;
            if (parse.GetValue(json))
            {
                stdout.WriteLine(Json(writer => RunRecordJson.Write(writer, run)));
                return Task.FromResult(0);
            }

            var console = ConsoleFor(stdout);
            void Fact(string name, string value) => console.WriteLine($"{name,-15}{value}");
            Fact("run", $"{run.Id} ({run.Model})");
            Fact("status", StatusText(run));
            if (run.Message is not null)
            {
                Fact("message", run.Message);
            }

            Fact("config hash", run.ConfigHash);
            Fact("device", run.Device);
            Fact("code version", run.CodeVersion);
            Fact("started (UTC)", run.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            Fact("ended (UTC)", run.EndedUtc?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-");
            Fact("duration", run.Duration is { } d ? Duration(d) : "-");
            Fact("checkpoint", run.CheckpointPath is null ? "-" : run.CheckpointPath + (run.HasCheckpoint ? "" : " (missing)"));
            console.WriteLine();
            console.WriteLine("config:");
            using (var config = JsonDocument.Parse(run.ConfigJson))
            {
                console.WriteLine(JsonSerializer.Serialize(config.RootElement, s_indented));
            }

            console.WriteLine();
            console.Write(EpochTable(run));
            return Task.FromResult(0);
        });
        return show;
    }

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    private static IRenderable EpochTable(RunRecord run)
    {
        if (run.Epochs.Count == 0)
        {
            return new Text("no epochs recorded\n");
        }

        var names = run.Epochs.SelectMany(e => e.Values.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new Table().AddColumn(new TableColumn("epoch").RightAligned());
        names.ForEach(name => table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned()));
        foreach (var epoch in run.Epochs)
        {
            var cells = new List<IRenderable> { new Text(epoch.Epoch.ToString(CultureInfo.InvariantCulture)) };
            cells.AddRange(names.Select(name => new Text(epoch.Values.TryGetValue(name, out double v) ? Number(v) : "")));
            table.AddRow(cells);
        }

        return table;
    }

    private static Text Status(RunRecord run) => new(StatusText(run), new Style(run.Status switch
    {
        RunStatus.Completed when !run.HasCheckpoint => Color.Yellow,
        RunStatus.Completed => Color.Green,
        RunStatus.Failed => Color.Red,
        RunStatus.Interrupted => Color.Orange1,
        _ => Color.Blue,
    }));

    private static string StatusText(RunRecord run) => run.Status switch
    {
        RunStatus.Completed when !run.HasCheckpoint => "completed, checkpoint missing",
        RunStatus.Completed => "completed",
        RunStatus.Failed => "failed",
        RunStatus.Interrupted => "interrupted",
        _ => "running",
    };

    /// <summary>Six significant digits, invariant: enough to compare losses at a glance.</summary>
    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:F1} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m {duration.Seconds:D2}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h {duration.Minutes:D2}m"),
    };

    /// <summary>Tables go to <paramref name="stdout"/> through Spectre; colour only when it is the terminal.</summary>
    private static IAnsiConsole ConsoleFor(TextWriter stdout)
    {
        bool isTerminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!isTerminal)
        {
            // Redirected output has no width; a wide one keeps each run on one line for files and pipes.
            console.Profile.Width = 160;
        }

        return console;
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
