using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Plotly.NET;

namespace LatentWorkbench.Figures.Display;

/// <summary>
/// Makes every Plotly.NET chart display in the .NET Interactive kernel with two representations in one output:
/// <c>text/html</c> (interactive, <see cref="ChartExport.ToHtml"/>) and <c>image/svg+xml</c> (the static twin that
/// GitHub and offline viewers show, <see cref="ChartExport.ToSvg"/>).
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
    private const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";
    private const string FormatterType = FormattingAssembly + ".Formatter";

    /// <summary>The mime types a chart displays with, in order.</summary>
    public static IReadOnlyList<string> MimeTypes { get; } = [Display.MimeTypes.Html, Display.MimeTypes.Svg];

    /// <summary>Registers the text/html and image/svg+xml formatters for <see cref="GenericChart"/> (and its cases) and makes them the preferred pair.</summary>
    /// <returns>False when no kernel Formatter is loaded in this process (nothing to register with).</returns>
    public static bool Register()
    {
        if (Formatter() is not { } formatter)
        {
            return false;
        }

        var register = formatter.GetMethod("Register", BindingFlags.Public | BindingFlags.Static, [typeof(Type), typeof(Action<object, TextWriter>), typeof(string)])
            ?? throw new MissingMethodException(FormatterType, "Register(Type, Action<object, TextWriter>, string)");
        var prefer = formatter.GetMethod("SetPreferredMimeTypesFor", BindingFlags.Public | BindingFlags.Static, [typeof(Type), typeof(string[])])
            ?? throw new MissingMethodException(FormatterType, "SetPreferredMimeTypesFor(Type, string[])");
        var html = new Action<object, TextWriter>((value, writer) => writer.Write(((GenericChart)value).ToHtml()));
        var svg = new Action<object, TextWriter>((value, writer) => writer.Write(((GenericChart)value).ToSvg()));
        foreach (var type in ChartTypes())
        {
            register.Invoke(null, [type, html, Display.MimeTypes.Html]);
            register.Invoke(null, [type, svg, Display.MimeTypes.Svg]);
            prefer.Invoke(null, [type, MimeTypes.ToArray()]);
        }

        return true;
    }

    /// <summary>Registers the formatters when running inside a kernel whose Formatter does not prefer our pair for charts; otherwise does nothing (cheap).</summary>
    public static void EnsureRegistered()
    {
        if (Formatter() is { } formatter && !OursPreferred(formatter))
        {
            Register();
        }
    }

    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "A notebook #r's this library and then displays charts; registering on load is what makes them render, and it does nothing outside a kernel.")]
    [ModuleInitializer]
    internal static void OnLoad() => Register();

    private static Type? Formatter() =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == FormattingAssembly)?.GetType(FormatterType);

    private static bool OursPreferred(Type formatter) =>
        formatter.GetMethod("GetPreferredMimeTypesFor", BindingFlags.Public | BindingFlags.Static, [typeof(Type)])
            ?.Invoke(null, [typeof(GenericChart)]) is IEnumerable<string> preferred
        && preferred.SequenceEqual(MimeTypes);

    // GenericChart is an F# union: the values displayed are its case subclasses, so register those too.
    private static IEnumerable<Type> ChartTypes() =>
        [typeof(GenericChart), .. typeof(GenericChart).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(GenericChart)))];
}
