using System.CommandLine;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench bench ...</c>: performance measurements reported as ratios against a reference measured in the same run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure kernels and training speed (run on a quiet machine; compare ratios, not absolute times).");
        // Each benchmark lives in its own file and adds itself here.
        bench.Subcommands.Add(GemmBenchCommand.Create());
        bench.Subcommands.Add(FigureBenchCommand.Create());
        bench.Subcommands.Add(ModelEpochBenches.Vae());
        bench.Subcommands.Add(ModelEpochBenches.DeepAutoencoder());
        bench.Subcommands.Add(UmapBench.Create());
        return bench;
    }
}
