using LatentWorkbench.Common;
using Plotly.NET;

namespace LatentWorkbench.Figures.Display;

/// <summary>
/// Makes every Plotly.NET chart display in the .NET Interactive kernel with three representations in one output:
/// <c>text/html</c> (the static SVG, swapped for the interactive chart where plotly.js loads, <see cref="ChartExport.ToHtml"/>),
/// <c>image/svg+xml</c> (the static twin that GitHub and offline viewers show, <see cref="ChartExport.ToSvg"/>) and
/// the figure's label (<see cref="FigureLabel.MimeType"/>: id, title, caption), which the notebook runner names its files by.
/// </summary>
/// <remarks>
/// Registered with the kernel's <c>Microsoft.DotNet.Interactive.Formatting.Formatter</c> automatically when this library
/// loads inside a kernel (a module initializer), and again by every <see cref="Charts"/> helper when a kernel restart or
/// <c>Formatter.ResetToDefault</c> dropped it. Call <see cref="Register"/> to take over explicitly, e.g. after loading
/// Plotly.NET.Interactive, whose formatter gives text/html only with a CDN loader.
/// The Formatter is reached by name rather than by a package reference: the kernel always has it loaded, and a
/// reference would put a second <c>System.DisplayExtensions</c> beside the script runner's in every notebook.
/// </remarks>
public static class ChartFormatters
{
    /// <summary>The mime types a chart displays with, in order.</summary>
    public static IReadOnlyList<string> MimeTypes { get; } = [Display.MimeTypes.Html, Display.MimeTypes.Svg, FigureLabel.MimeType];

    private static KeyValuePair<string, Action<object, TextWriter>>[] Formatters { get; } =
    [
        new(Display.MimeTypes.Html, (value, writer) => WriteHtml((GenericChart)value, writer)),
        new(Display.MimeTypes.Svg, (value, writer) => writer.Write(((GenericChart)value).ToSvg())),
        new(FigureLabel.MimeType, (value, writer) => writer.Write(FigureLabels.Of(value).ToJson())),
    ];

    private static int _inlinePending;

    /// <summary>
    /// When set to true, the next chart displayed carries plotly.js itself (the verified local copy, 4.8 MB) in its
    /// <c>text/html</c>, so it and every later chart of the notebook draw interactively with no network (an offline
    /// kernel, a notebook opened or exported offline). Off by default: each chart shows its static SVG until plotly.js
    /// loads from the CDN, and notebooks stay small. Set it once near the top of a notebook; setting it again inlines
    /// plotly.js again in the next chart.
    /// </summary>
    /// <remarks>Where no local copy can be had (no npm or network on first use, <see cref="Plotly.PlotlyJs.TryGetLocal"/>) nothing is inlined and charts behave as by default.</remarks>
    public static bool InlinePlotlyJs
    {
        get => Volatile.Read(ref _inlinePending) != 0;
        set => Volatile.Write(ref _inlinePending, value ? 1 : 0);
    }

    // The fragment, after plotly.js itself when InlinePlotlyJs asked for it and it has not been written yet.
    private static void WriteHtml(GenericChart chart, TextWriter writer)
    {
        if (Interlocked.Exchange(ref _inlinePending, 0) != 0 && Plotly.PlotlyJs.TryGetLocal().Path is { } plotlyJs)
        {
            writer.Write(Plotly.PlotlyHtml.InlineScript(File.ReadAllText(plotlyJs)));
        }

        writer.Write(chart.ToHtml());
    }

    /// <summary>Registers the text/html and image/svg+xml formatters for <see cref="GenericChart"/> (and its cases) and makes them the preferred pair.</summary>
    /// <returns>False when no kernel Formatter is loaded in this process (nothing to register with).</returns>
    public static bool Register()
    {
        bool any = false;
        foreach (var type in ChartTypes())
        {
            any |= KernelFormatting.TryRegister(type, Formatters);
        }

        return any;
    }

    /// <summary>Registers again when the kernel's preferred mime types for charts are no longer ours (a kernel restart or <c>Formatter.ResetToDefault</c>).</summary>
    public static void EnsureRegistered()
    {
        if (!KernelFormatting.PrefersMimeTypes(typeof(GenericChart), MimeTypes))
        {
            Register();
        }
    }

    // GenericChart is an F# union: the values displayed are its case subclasses, so register those too.
    private static IEnumerable<Type> ChartTypes() =>
        [typeof(GenericChart), .. typeof(GenericChart).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(GenericChart)))];
}
