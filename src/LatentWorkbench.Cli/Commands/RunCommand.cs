using System.CommandLine;
using LatentWorkbench.Data;
using Spectre.Console;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench run</c>: the main job. Fetch MNIST, execute every shipped notebook, write artifacts/ with an index page.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Set every notebook's 'budget' parameter to quick: a fast smoke run on small subsets." };
        var output = new Option<string?>("--out") { Description = "Output folder (default: artifacts/ in the repository)." };
        var figures = FiguresOption.Create();
        var run = new Command("run", "Main job: fetch MNIST if needed, run every notebook in notebooks/ with its defaults, write executed copies, figures, index.html and metrics.json to artifacts/ (replaced only when every notebook runs to the end).")
        {
            quick, output, figures,
        };
        CliAction.Set(run, async (parse, cancellationToken) =>
        {
            string root = DataPaths.FindRepositoryRoot() ?? DataPaths.FindRepositoryRoot(AppContext.BaseDirectory)
                ?? throw new InvalidOperationException("Run the main job from inside the LatentWorkbench checkout (no LatentWorkbench.sln found above the current folder).");
            NotebooksLibraryBuild.EnsureCurrent(root);

            var fetched = await new MnistFetcher().EnsureAsync(DataPaths.MnistDirectory(), CliAction.LineProgress, cancellationToken).ConfigureAwait(false);
            CliAction.ProgressConsole.MarkupLine($"[grey]MNIST ready in {Markup.Escape(fetched.Directory)}[/]");

            var notebooks = NotebooksConsole.Expand([Path.Combine(root, "notebooks")]);
            string directory = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(root, "artifacts"));
            int exit = await NotebooksConsole.RunAllAsync(notebooks, new Dictionary<string, string>(), parse.GetValue(quick), directory, replaceAll: true, cancellationToken).ConfigureAwait(false);
            return FiguresOption.CopyIfSucceeded(exit, directory, parse.GetValue(figures));
        });
        return run;
    }
}
