using System.CommandLine;
using LatentWorkbench.Data;
using LatentWorkbench.Notebooks.Twins;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench notebooks pair</c>: write each notebook's twin (a .NET 10 file-based program), check that twins are current, or take an edited twin back.</summary>
internal static class NotebooksPairCommand
{
    /// <summary>Exit code of <c>--check</c> when a twin differs from what its notebook generates.</summary>
    public const int Drifted = 3;

    public static Command Create()
    {
        var paths = new Argument<string[]>("notebooks")
        {
            Description = "Notebook files (.ipynb) or folders holding them (default: notebooks/ of the repository).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit code 3 when a twin is missing or differs from what its notebook generates (CI runs this)." };
        var to = new Option<string?>("--to") { Description = "'cs' (default): write the twins from the notebooks; 'ipynb': take each edited twin back into its notebook (ids and metadata kept)." };
        var pair = new Command("pair", "Pair each notebook with its twin, notebooks/NN-name.cs, in Jupytext's percent format: dotnet run notebooks/NN-name.cs runs it without a kernel.")
        {
            paths, check, to,
        };
        CliAction.Set(pair, (parse, _) =>
        {
            var given = parse.GetValue(paths) is { Length: > 0 } listed ? listed : [DefaultNotebooksDirectory()];
            var notebooks = NotebooksConsole.Expand(given).Where(n => n.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)).ToList();
            string direction = parse.GetValue(to) ?? "cs";
            if (parse.GetValue(check))
            {
                var drifts = notebooks.Select(NotebookPairing.Drift).OfType<string>().ToList();
                foreach (string drift in drifts)
                {
                    CliAction.WriteError(drift + " (run: dotnet run --project src/LatentWorkbench.Cli -c Release -- notebooks pair)");
                }

                Console.WriteLine(drifts.Count == 0 ? $"{notebooks.Count} twins are current." : $"{drifts.Count} of {notebooks.Count} twins differ from their notebooks.");
                return Task.FromResult(drifts.Count == 0 ? 0 : Drifted);
            }

            foreach (string notebook in notebooks)
            {
                bool changed = direction switch
                {
                    "cs" => NotebookPairing.WriteTwin(notebook),
                    "ipynb" => NotebookPairing.TakeTwinBack(notebook),
                    _ => throw new ArgumentException($"--to '{direction}': expected 'cs' (notebook → twin) or 'ipynb' (twin → notebook)."),
                };
                string target = direction == "cs" ? NotebookPairing.TwinPath(notebook) : notebook;
                Console.WriteLine($"{(changed ? "wrote" : "unchanged")}  {target}");
            }

            return Task.FromResult(0);
        });
        return pair;
    }

    private static string DefaultNotebooksDirectory() =>
        Path.Combine(DataPaths.FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), "notebooks");
}
