using LatentWorkbench.Images;
using System.CommandLine;
using LatentWorkbench.Data;
using LatentWorkbench.Figures;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench figure demo</c>: draws every figure type from MNIST and saves each in every format.</summary>
internal static class FigureCommand
{
    public static Command Create()
    {
        var figure = new Command("figure", "Figures: scatter, lines, bars, histograms, heatmaps and digit grids as HTML, SVG, PNG and Plotly JSON.");
        figure.Subcommands.Add(CreateDemo());
        return figure;
    }

    private static Command CreateDemo()
    {
        var output = new Option<string>("--out") { Description = "Folder for the files.", DefaultValueFactory = _ => "figures-demo" };
        var formats = new Option<string>("--formats") { Description = "Comma-separated extensions to write.", DefaultValueFactory = _ => "svg,html,png,json" };
        var demo = new Command("demo", "Draw one of each figure type from the MNIST test set and save it in each format (PNG of charts needs Chromium).")
        {
            output,
            formats,
        };
        CliAction.Set(demo, (parse, _) =>
        {
            string folder = Path.GetFullPath(parse.GetValue(output)!);
            string[] extensions = [.. parse.GetValue(formats)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            var test = Mnist.Load(DataPaths.MnistDirectory()).Test;
            foreach (var (name, renderable) in DemoFigures.Build(test))
            {
                foreach (string extension in extensions)
                {
                    string path = Path.Combine(folder, $"{name}.{extension}");
                    string? written = renderable switch
                    {
                        Plotly.NET.GenericChart chart => chart.SaveAs(path),
                        SixLabors.ImageSharp.Image image when extension == "png" => image.WritePng(path),
                        SixLabors.ImageSharp.Image => null,
                        _ => throw new InvalidOperationException($"{name} is not a figure."),
                    };
                    if (written is not null)
                    {
                        Console.WriteLine(written);
                    }
                }
            }

            return Task.FromResult(0);
        });
        return demo;
    }
}
