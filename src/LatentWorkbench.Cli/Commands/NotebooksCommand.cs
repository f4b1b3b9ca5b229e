using System.CommandLine;
using LatentWorkbench.Data;
using LatentWorkbench.Notebooks.Parameters;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench notebooks run</c>: execute Polyglot (C#) notebooks headlessly, with papermill-style parameters.</summary>
internal static class NotebooksCommand
{
    public static Command Create()
    {
        var notebooks = new Command("notebooks", "Execute C# Polyglot notebooks headlessly (papermill-style parameters; executed copies and figures to a folder).");
        notebooks.Subcommands.Add(CreateRun());
        notebooks.Subcommands.Add(NotebooksPairCommand.Create());
        return notebooks;
    }

    /// <summary>The default output folder: artifacts/ in the repository (else under the current directory).</summary>
    public static string DefaultOutputDirectory() =>
        Path.Combine(DataPaths.FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), "artifacts");

    private static Command CreateRun()
    {
        var paths = new Argument<string[]>("notebooks") { Description = "Notebook files (.ipynb, .dib) or folders holding them.", Arity = ArgumentArity.OneOrMore };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a parameter declared in the cell tagged 'parameters': name=value (repeatable); typed like its default.",
            DefaultValueFactory = _ => [],
        };
        var quick = new Option<bool>("--quick") { Description = "Set each notebook's 'budget' parameter to quick: a fast smoke run (same as --set budget=quick)." };
        var output = new Option<string?>("--out") { Description = "Folder for executed notebooks, figures/, index.html and metrics.json (default: artifacts/); replaced only when every notebook runs to the end." };
        var figures = FiguresOption.Create();
        var run = new Command("run", "Run notebooks cell by cell; a cell that throws stops its notebook (exit code 2) and the error is kept in the executed copy.")
        {
            paths, set, quick, output, figures,
        };
        CliAction.Set(run, async (parse, cancellationToken) =>
        {
            var notebooks = NotebooksConsole.Expand(parse.GetValue(paths) ?? []);
            var overrides = ParameterOverrides.Parse(parse.GetValue(set) ?? []);
            string directory = Path.GetFullPath(parse.GetValue(output) ?? DefaultOutputDirectory());
            int exit = await NotebooksConsole.RunAllAsync(notebooks, overrides, parse.GetValue(quick), directory, replaceAll: false, cancellationToken).ConfigureAwait(false);
            return FiguresOption.CopyIfSucceeded(exit, directory, parse.GetValue(figures));
        });
        return run;
    }
}
