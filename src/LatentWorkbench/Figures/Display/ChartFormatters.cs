using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace LatentWorkbench.Figures.Display;

/// <summary>
/// Makes every Plotly.NET chart display in the .NET Interactive kernel with two representations in one output:
/// <c>text/html</c> (interactive, <see cref="ChartExport.ToHtml"/>) and <c>image/svg+xml</c> (the static twin that
/// GitHub and offline viewers show, <see cref="ChartExport.ToSvg"/>).
/// </summary>
/// <remarks>
/// Registered automatically when this library loads inside a kernel (a module initializer checks that the kernel is
/// there) and again by every <see cref="Charts"/> helper if something (a kernel restart, <c>Formatter.ResetToDefault</c>,
/// Plotly.NET.Interactive's extension) replaced it. Call <see cref="Register"/> to take over again explicitly, e.g.
/// after loading Plotly.NET.Interactive, whose formatter gives text/html only with a CDN loader.
/// </remarks>
public static class ChartFormatters
{
    /// <summary>The kernel assembly whose presence means "running in a notebook".</summary>
    private const string KernelAssembly = "Microsoft.DotNet.Interactive";

    /// <summary>The mime types a chart displays with, in order.</summary>
    public static IReadOnlyList<string> MimeTypes { get; } = [Display.MimeTypes.Html, Display.MimeTypes.Svg];

    /// <summary>Registers the text/html and image/svg+xml formatters for <see cref="GenericChart"/> (and its cases) and makes them the preferred pair.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Register()
    {
        foreach (var type in ChartTypes())
        {
            Formatter.Register(new ChartFormatter(type, Display.MimeTypes.Html, chart => chart.ToHtml()));
            Formatter.Register(new ChartFormatter(type, Display.MimeTypes.Svg, chart => chart.ToSvg()));
            Formatter.SetPreferredMimeTypesFor(type, [.. MimeTypes]);
        }
    }

    /// <summary>Registers the formatters when running inside a kernel and ours are not the ones in force; otherwise does nothing (cheap).</summary>
    public static void EnsureRegistered()
    {
        if (InKernel() && !OursInForce())
        {
            Register();
        }
    }

    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "A notebook #r's this library and then displays charts; registering on load is what makes them render, and it is skipped outside a kernel.")]
    [ModuleInitializer]
    internal static void OnLoad()
    {
        if (InKernel())
        {
            Register();
        }
    }

    private static bool InKernel() => AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == KernelAssembly);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool OursInForce() =>
        Formatter.GetPreferredMimeTypesFor(typeof(GenericChart)).SequenceEqual(MimeTypes)
        && Formatter.GetPreferredFormatterFor(typeof(GenericChart), Display.MimeTypes.Html) is ChartFormatter
        && Formatter.GetPreferredFormatterFor(typeof(GenericChart), Display.MimeTypes.Svg) is ChartFormatter;

    // GenericChart is an F# union: the values displayed are its case subclasses, so register those too.
    private static IEnumerable<Type> ChartTypes() =>
        [typeof(GenericChart), .. typeof(GenericChart).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(GenericChart)))];

    /// <summary>One mime type's formatter for charts (our own type, so we can tell whether ours is in force).</summary>
    private sealed class ChartFormatter(Type type, string mimeType, Func<GenericChart, string> render) : ITypeFormatter
    {
        public string MimeType { get; } = mimeType;

        public Type Type { get; } = type;

        public bool Format(object instance, FormatContext context)
        {
            if (instance is not GenericChart chart)
            {
                return false;
            }

            context.Writer.Write(render(chart));
            return true;
        }
    }
}
