using System.Diagnostics;
using System.Globalization;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace LatentWorkbench.Notebooks.Hosting;

/// <summary>
/// <c>#!time</c>: measures the wall time of the rest of the cell and displays it as <c>Wall time: N ms</c>, as
/// the dotnet-interactive tool does. The tool's implementation lives in <c>Microsoft.DotNet.Interactive.Jupyter</c>,
/// a package that is not served here, so the runner registers its own on the composite kernel.
/// </summary>
public static class TimeMagicCommand
{
    /// <summary>The directive's name.</summary>
    public const string Name = "#!time";

    /// <summary>Adds <c>#!time</c> to <paramref name="kernel"/>.</summary>
    public static T UseTimeMagicCommand<T>(this T kernel)
        where T : Microsoft.DotNet.Interactive.Kernel
    {
        ArgumentNullException.ThrowIfNull(kernel);
        kernel.AddDirective(new KernelActionDirective(Name) { Description = "Time the execution of the code in the cell." }, StartTimer);
        return kernel;
    }

    private static Task StartTimer(Microsoft.DotNet.Interactive.Commands.KernelCommand command, KernelInvocationContext context)
    {
        var clock = Stopwatch.StartNew();
        // The directive runs before the cell's code; completion is after it.
        context.OnComplete(completed =>
        {
            var elapsed = clock.Elapsed;
            string text = string.Create(CultureInfo.InvariantCulture, $"Wall time: {elapsed.TotalMilliseconds:0.###}ms");
            completed.Publish(new DisplayedValueProduced(elapsed, context.Command, [new FormattedValue(PlainTextFormatter.MimeType, text)]));
        });
        return Task.CompletedTask;
    }
}
