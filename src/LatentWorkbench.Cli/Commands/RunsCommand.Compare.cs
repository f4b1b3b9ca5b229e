using System.CommandLine;
using System.Globalization;
using LatentWorkbench.Figures;
using LatentWorkbench.Runs;
using LatentWorkbench.Runs.Comparison;
using LatentWorkbench.Tables;
using Microsoft.Data.Analysis;
using Spectre.Console;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench runs compare</c>: the completed runs side by side, and a metric against a hyperparameter.</summary>
internal static partial class RunsCommand
{
    /// <summary>Significant digits of the numbers in printed tables (as <c>runs list</c>).</summary>
    private const int TableDigits = 6;

    private static Command CreateCompare(TextWriter? output)
    {
        var family = new Option<string?>("--family") { Description = "Only runs of this model name (vae, beta-vae, conv-vae, iwae, …; `runs list` shows them); * matches any text (*vae*)." };
        var x = new Option<string?>("--x") { Description = "The hyperparameter on the chart's x axis: a config field by its dotted name (model.latent_size), last part (latent_size) or a unique start of it (latent)." };
        var y = new Option<string?>("--y") { Description = "The final metric on the y axis (e.g. test_loss; an unknown name lists the metrics)." };
        var where = new Option<string[]>("--where") { Description = "Keep only runs whose field has one of the values, e.g. --where latent=2,10,20 (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var chartFile = new Option<string?>("--out") { Description = "Write the chart here (.svg, .html, .png or .json); needs --x and --y." };
        var csv = new Option<string?>("--csv") { Description = "Write the table here as CSV, every config field included." };
        var allFields = new Option<bool>("--all-fields") { Description = "Print every config field, not only those that vary between the runs." };
        var store = StoreOption();
        var compare = new Command("compare", "The completed runs side by side (config fields and final metrics), filtered by family and any config field; with --x and --y, a metric against a hyperparameter, one line per combination of the other settings that vary.")
        {
            family, x, y, where, chartFile, csv, allFields, store,
        };
        CliAction.Set(compare, (parse, _) =>
        {
            string? xField = parse.GetValue(x), metric = parse.GetValue(y), outPath = parse.GetValue(chartFile);
            if ((xField is null) != (metric is null))
            {
                throw new ArgumentException("--x and --y go together: the chart needs a hyperparameter and a metric.");
            }

            if (outPath is not null && xField is null)
            {
                throw new ArgumentException("--out writes the chart, which needs --x (a hyperparameter) and --y (a metric).");
            }

            string path = Path.GetFullPath(parse.GetValue(store) ?? RunStore.DefaultPath());
            var stdout = output ?? Console.Out;
            if (!File.Exists(path))
            {
                return NoStore(stdout, path, outPath ?? parse.GetValue(csv));
            }

            var comparison = RunComparison.Load(RunStore.OpenExisting(path), parse.GetValue(family));
            foreach (string condition in parse.GetValue(where) ?? [])
            {
                comparison = comparison.Where(condition);
            }

            var console = ConsoleFor(stdout);
            if (comparison.IsEmpty)
            {
                console.WriteLine(comparison.Summary);
                if (outPath is not null || parse.GetValue(csv) is not null)
                {
                    throw new RunComparisonException($"Nothing to write: {comparison.Summary}");
                }

                return Task.FromResult(0);
            }

            // The lines first: a mistyped field or metric fails before anything is printed or written.
            var lines = xField is not null && metric is not null ? comparison.Lines(xField, metric) : [];
            console.WriteLine(comparison.Summary);
            console.Write(FrameTable(comparison.ToDataFrame(onlyVarying: !parse.GetValue(allFields))));
            if (parse.GetValue(csv) is { } csvPath)
            {
                console.WriteLine($"table: {comparison.ToDataFrame().WriteCsv(csvPath)}");
            }

            if (xField is not null && metric is not null)
            {
                foreach (var line in lines)
                {
                    string points = string.Join(", ", line.X.Select((value, i) => $"{Number(value)} → {Number(line.Y[i])} (run {line.RunIds[i].ToString(CultureInfo.InvariantCulture)})"));
                    console.WriteLine($"{(line.Name.Length == 0 ? "line" : line.Name)}: {points}");
                }

                if (outPath is not null)
                {
                    console.WriteLine($"chart: {comparison.Chart(xField, metric).SaveAs(outPath)}");
                }
            }

            return Task.FromResult(0);
        });
        return compare;
    }

    /// <summary>No store file yet: nothing has been trained. An honest message, and a failure only when a file was asked for.</summary>
    private static Task<int> NoStore(TextWriter stdout, string path, string? requestedFile)
    {
        string message = $"No runs recorded: there is no store at {path} yet.";
        if (requestedFile is not null)
        {
            throw new RunStoreException($"Nothing to write to {requestedFile}: {message}");
        }

        stdout.WriteLine(message);
        return Task.FromResult(0);
    }

    /// <summary>A DataFrame as a terminal table: numbers right-aligned with <see cref="TableDigits"/> significant digits, missing cells empty.</summary>
    private static Table FrameTable(DataFrame frame)
    {
        var table = new Table();
        foreach (var column in frame.Columns)
        {
            var header = new TableColumn(Markup.Escape(column.Name));
            table.AddColumn(CellText.IsNumeric(column.DataType) ? header.RightAligned() : header);
        }

        for (long row = 0; row < frame.Rows.Count; row++)
        {
            table.AddRow(frame.Columns.Select(c => new Text(CellText.ForDisplay(c[row], TableDigits))));
        }

        return table;
    }
}
