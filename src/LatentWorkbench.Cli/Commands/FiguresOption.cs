using System.CommandLine;
using LatentWorkbench.Notebooks.Figures;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>--figures DIR</c> of <c>run</c> and <c>notebooks run</c>: every exported figure copied to a folder of the user's.</summary>
internal static class FiguresOption
{
    public static Option<string?> Create() => new("--figures")
    {
        Description = "Also copy every exported figure (SVG, PNG, offline HTML, named {notebook}-{id}) and one figures.json listing them to this folder, once every notebook ran to the end.",
    };

    /// <summary>Copies the figures of <paramref name="outputDirectory"/> to <paramref name="destination"/> when the run succeeded and a destination was given; returns <paramref name="exitCode"/>.</summary>
    public static int CopyIfSucceeded(int exitCode, string outputDirectory, string? destination)
    {
        if (exitCode == 0 && destination is not null)
        {
            int count = FigureCollection.CopyAll(outputDirectory, destination);
            Console.WriteLine($"Figures: {count} copied to {Path.GetFullPath(destination)} (listed in {FigureExporter.ManifestFileName})");
        }

        return exitCode;
    }
}
