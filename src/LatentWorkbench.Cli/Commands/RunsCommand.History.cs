using System.CommandLine;
using LatentWorkbench.Runs;
using LatentWorkbench.Runs.Comparison;
using LatentWorkbench.Tables;
using Spectre.Console;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench runs history</c>: the values every notebook run recorded, kept in the run store.</summary>
internal static partial class RunsCommand
{
    private static Command CreateHistory(TextWriter? output)
    {
        var notebook = new Option<string?>("--notebook") { Description = "Only this notebook's runs: its file name, with or without .ipynb, or its number (03)." };
        var csv = new Option<string?>("--csv") { Description = "Write the table here as CSV." };
        var store = StoreOption();
        var history = new Command("history", "The values every notebook run recorded (one row per run: notebook, time, parameters, code version, recorded values), kept in the run store by `notebooks run` and `run`.")
        {
            notebook, csv, store,
        };
        CliAction.Set(history, (parse, _) =>
        {
            string path = Path.GetFullPath(parse.GetValue(store) ?? RunStore.DefaultPath());
            if (!File.Exists(path))
            {
                return NoStore(output ?? Console.Out, path, parse.GetValue(csv));
            }

            var frame = RecordedValuesHistory.Load(RunStore.OpenExisting(path), parse.GetValue(notebook));
            var console = ConsoleFor(output ?? Console.Out);
            console.WriteLine(frame.GetTitle() ?? "");
            if (frame.Rows.Count > 0)
            {
                console.Write(FrameTable(frame));
            }

            if (parse.GetValue(csv) is { } csvPath)
            {
                console.WriteLine($"table: {frame.WriteCsv(csvPath)}");
            }

            return Task.FromResult(0);
        });
        return history;
    }
}
