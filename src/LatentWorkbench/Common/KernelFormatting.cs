using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Reflection;

namespace LatentWorkbench.Common;

/// <summary>
/// Registers formatters with the .NET Interactive kernel's <c>Formatter</c>, found at run time in the
/// process (the kernel has always loaded <c>Microsoft.DotNet.Interactive.Formatting</c> before a cell runs).
/// </summary>
/// <remarks>
/// By reflection, on purpose, not through a package reference: (1) the formatters land in the very
/// <c>Formatter</c> the hosting kernel uses, whichever version that kernel ships, never in a second copy loaded
/// beside this library; (2) code that is not in a kernel (the CLI, most tests) never loads the formatting
/// library; (3) a script host that #r's this library is not handed the formatting library's own
/// <c>System.DisplayExtensions</c> next to its own. The two members called,
/// <c>Formatter.Register(Type, Action&lt;object, TextWriter&gt;, string)</c> and
/// <c>Formatter.SetPreferredMimeTypesFor(Type, string[])</c>, are public API of the (archived, so frozen)
/// package; the in-process kernel tests call them for real.
/// </remarks>
internal static class KernelFormatting
{
    /// <summary>The assembly whose static <c>Formatter</c> the kernel formats every displayed value with.</summary>
    public const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";

    /// <summary>HTML: what VS Code and Jupyter show first.</summary>
    public const string Html = "text/html";

    /// <summary>Static SVG: shown where HTML is not (GitHub's notebook viewer, exported reports).</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>PNG, base64-encoded in the notebook's mime bundle.</summary>
    public const string Png = "image/png";

    /// <summary>Plain text: the fallback every front end can show.</summary>
    public const string PlainText = "text/plain";

    private const string FormatterType = "Microsoft.DotNet.Interactive.Formatting.Formatter";

    /// <summary>
    /// Registers <paramref name="formatters"/> (MIME type → writer) for <paramref name="type"/> and its subtypes with every
    /// loaded kernel <c>Formatter</c>, and makes their MIME types, in order, the ones a displayed value carries.
    /// </summary>
    /// <returns>False when no kernel formatting library is loaded (nothing registered).</returns>
    public static bool TryRegister(Type type, IReadOnlyList<KeyValuePair<string, Action<object, TextWriter>>> formatters)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(formatters);
        bool any = false;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(IsFormattingAssembly))
        {
            Register(assembly, type, formatters);
            any = true;
        }

        return any;
    }

    /// <summary>
    /// The library's one module initializer: registers every formatter of the library (charts, tables, images, latent explorers, training progress)
    /// with each kernel formatting library in the process, now and whenever one loads later (the CLI loads this
    /// library before it starts a kernel). In a process without a kernel it only subscribes to assembly loads, so
    /// it never touches Plotly.NET, DataFrame or ImageSharp there.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "A notebook #r's this library by path, which loads no kernel extension: this is the one hook that runs before the first chart, table or image is shown.")]
    internal static void OnLibraryLoad()
    {
        FSharpLoadContext.InstallIfNeeded();
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
        {
            if (IsFormattingAssembly(e.LoadedAssembly))
            {
                RegisterAll();
            }
        };
        if (AppDomain.CurrentDomain.GetAssemblies().Any(IsFormattingAssembly))
        {
            RegisterAll();
        }
    }

    // Separate so the types it names (and their packages) load only when a kernel is there.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterAll()
    {
        Figures.Display.ChartFormatters.Register();
        Tables.DataFrameFormatters.Register();
        Images.ImageFormatters.Register();
        Figures.Explorer.ExplorerFormatters.Register();
        Training.TrainingStatusFormatters.Register();
    }

    /// <summary>Whether every kernel formatting library in the process prefers exactly <paramref name="mimeTypes"/> for <paramref name="type"/> (true when there is none).</summary>
    public static bool PrefersMimeTypes(Type type, IReadOnlyList<string> mimeTypes) =>
        AppDomain.CurrentDomain.GetAssemblies().Where(IsFormattingAssembly).All(assembly =>
            assembly.GetType(FormatterType)?.GetMethod("GetPreferredMimeTypesFor", BindingFlags.Public | BindingFlags.Static, [typeof(Type)])
                ?.Invoke(null, [type]) is IEnumerable<string> preferred && preferred.SequenceEqual(mimeTypes));

    private static bool IsFormattingAssembly(Assembly assembly) => assembly.GetName().Name == FormattingAssembly;

    private static void Register(Assembly assembly, Type type, IReadOnlyList<KeyValuePair<string, Action<object, TextWriter>>> formatters)
    {
        var formatter = assembly.GetType(FormatterType)
            ?? throw new InvalidOperationException($"{assembly.FullName} has no {FormatterType}; this kernel's formatting API is not the one the workbench supports.");
        var register = formatter.GetMethod("Register", BindingFlags.Public | BindingFlags.Static, [typeof(Type), typeof(Action<object, TextWriter>), typeof(string)])
            ?? throw new InvalidOperationException($"{FormatterType} in {assembly.FullName} has no Register(Type, Action<object, TextWriter>, string).");
        var prefer = formatter.GetMethod("SetPreferredMimeTypesFor", BindingFlags.Public | BindingFlags.Static, [typeof(Type), typeof(string[])])
            ?? throw new InvalidOperationException($"{FormatterType} in {assembly.FullName} has no SetPreferredMimeTypesFor(Type, string[]).");
        foreach (var (mimeType, write) in formatters)
        {
            register.Invoke(null, [type, write, mimeType]);
        }

        prefer.Invoke(null, [type, formatters.Select(f => f.Key).ToArray()]);
    }
}
