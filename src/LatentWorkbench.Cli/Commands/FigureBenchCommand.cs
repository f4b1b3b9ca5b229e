using System.Diagnostics;
using System.Globalization;
using System.Text;
using LatentWorkbench.Compute;
using LatentWorkbench.Figures;
using TorchSharp;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench bench figures</c>: time to render a large labelled scatter to SVG, Plotly JSON and HTML.</summary>
/// <remarks>The reference measured in the same run is writing the same coordinates as CSV text
/// (two invariant-culture floats per line): the least any text rendering of the points must do.</remarks>
internal static class FigureBenchCommand
{
    public static System.CommandLine.Command Create()
    {
        var points = new System.CommandLine.Option<int>("--points") { Description = "Points in the scatter.", DefaultValueFactory = _ => 70_000 };
        var repeats = new System.CommandLine.Option<int>("--repeats") { Description = "Timed repetitions (median reported).", DefaultValueFactory = _ => 5 };
        var command = new System.CommandLine.Command("figures", "Build an N-point Plotly.NET scatter coloured by 10 labels and render it to Plotly JSON, SVG and notebook HTML; report median times and the ratio to writing the points as CSV.")
        {
            points,
            repeats,
        };
        CliAction.Set(command, (parse, cancellationToken) =>
        {
            int n = parse.GetValue(points), r = Math.Max(1, parse.GetValue(repeats));
            var random = new Random(42);
            float[] x = new float[n], y = new float[n];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++)
            {
                labels[i] = (byte)random.Next(10);
                x[i] = (float)((labels[i] * 3) + (random.NextDouble() * 4));
                y[i] = (float)((labels[i] % 3 * 5) + (random.NextDouble() * 4));
            }

            string[] hover = [.. Enumerable.Range(0, n).Select(i => "#" + i.ToString(CultureInfo.InvariantCulture))];
            TorchRuntime.EnsureInitialized();
            using var pointTensor = torch.stack([torch.tensor(x), torch.tensor(y)], 1);
            using var labelTensor = torch.tensor(labels, [n], dtype: torch.uint8);
            var figure = Charts.Scatter(pointTensor, labelTensor, "bench", "x", "y", hoverText: hover);

            var rows = new List<(string Name, double Ms, long Bytes)>
            {
                Measure("CSV of the points (reference)", r, () => Csv(x, y)),
                Measure("build the chart (Charts.Scatter)", r, () => Charts.Scatter(pointTensor, labelTensor, "bench", "x", "y", hoverText: hover) is null ? "" : ""),
                Measure("Plotly JSON (ToFigureJson)", r, figure.ToFigureJson),
                Measure("SVG (ToSvg)", r, figure.ToSvg),
                Measure("notebook HTML (ToHtml)", r, () => figure.ToHtml()),
            };
            double reference = rows[0].Ms;
            Console.WriteLine($"{n:N0} points, 10 classes, hover text; median of {r} runs after one warm-up");
            Console.WriteLine($"{"rendering",-36} {"ms",9} {"x CSV",7} {"MB",8}");
            foreach (var (name, ms, bytes) in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-36} {ms,9:F1} {ms / reference,7:F2} {bytes / 1e6,8:F2}"));
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static (string, double, long) Measure(string name, int repeats, Func<string> render)
    {
        long bytes = Encoding.UTF8.GetByteCount(render());
        var times = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            _ = render();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (name, times[repeats / 2], bytes);
    }

    private static string Csv(float[] x, float[] y)
    {
        var sb = new StringBuilder(x.Length * 20);
        for (int i = 0; i < x.Length; i++)
        {
            sb.Append(x[i].ToString(CultureInfo.InvariantCulture)).Append(',').Append(y[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return sb.ToString();
    }
}
