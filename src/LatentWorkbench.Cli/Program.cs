using System.CommandLine;
using LatentWorkbench.Cli.Commands;

namespace LatentWorkbench.Cli;

/// <summary>Entry point of the <c>workbench</c> tool.</summary>
public static class Program
{
    /// <summary>Builds the command tree and runs it.</summary>
    public static Task<int> Main(string[] args) => BuildRoot().Parse(args).InvokeAsync();

    /// <summary>The whole command tree; each group lives in its own file under Commands/.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("LatentWorkbench: explore the latent spaces of MNIST (data, training, reduction, notebooks).");
        root.Subcommands.Add(DataCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(RunsCommand.Create());
        root.Subcommands.Add(ReduceCommand.Create());
        root.Subcommands.Add(FigureCommand.Create());
        root.Subcommands.Add(NotebooksCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
