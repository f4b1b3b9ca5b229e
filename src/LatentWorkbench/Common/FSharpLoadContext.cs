using System.Reflection;
using System.Runtime.Loader;

namespace LatentWorkbench.Common;

/// <summary>
/// Keeps Plotly.NET and the F# libraries under it on one FSharp.Core in a host that ships an older one.
/// </summary>
/// <remarks>
/// The dotnet-interactive tool (the kernel of VS Code's Polyglot Notebooks and of Jupyter, 1.0.712001) carries
/// FSharp.Core 10.0 in its default load context; Plotly.NET 6.0.0 needs 10.1. When a notebook <c>#r</c>s this
/// library, Plotly.NET then binds our 10.1 while Giraffe.ViewEngine (which asks for 5.0) binds the tool's 10.0,
/// and the first chart fails with <c>MissingMethodException: Giraffe.ViewEngine.HtmlElements.get_script()</c>
/// (tried under Jupyter). In such a host this loads FSharp.Core and every F# assembly beside this library into
/// one context of their own and answers the default context's requests for them from it, so they agree on one
/// FSharp.Core. Where the host's FSharp.Core is new enough (our CLI, runner and tests) it does nothing.
/// </remarks>
internal sealed class FSharpLoadContext : AssemblyLoadContext
{
    private const string FSharpCore = "FSharp.Core";

    // The assemblies beside the library that reference FSharp.Core (Plotly.NET's closure).
    private static readonly HashSet<string> Isolated = new(StringComparer.Ordinal)
    {
        FSharpCore, "Giraffe.ViewEngine", "DynamicObj", "Fable.Core", "Plotly.NET", "Plotly.NET.CSharp",
    };

    private readonly string _folder;

    private FSharpLoadContext(string folder)
        : base(nameof(FSharpLoadContext)) => _folder = folder;

    /// <summary>Installs the context when the host's own FSharp.Core is older than the one beside this library.</summary>
    public static void InstallIfNeeded()
    {
        string? folder = Path.GetDirectoryName(typeof(FSharpLoadContext).Assembly.Location);
        if (folder is null || !File.Exists(Path.Combine(folder, FSharpCore + ".dll")))
        {
            return;
        }

        var ours = AssemblyName.GetAssemblyName(Path.Combine(folder, FSharpCore + ".dll")).Version;
        var hosts = HostVersion();
        if (hosts is null || ours is null || hosts >= ours)
        {
            return;
        }

        var context = new FSharpLoadContext(folder);
        Default.Resolving += (_, name) => name.Name is { } simple && Isolated.Contains(simple) ? context.LoadFromAssemblyName(name) : null;
    }

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not { } name || !Isolated.Contains(name))
        {
            return null;
        }

        string path = Path.Combine(_folder, name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    // The FSharp.Core the default context would bind: the trusted platform assemblies' copy, if the host has one.
    private static Version? HostVersion()
    {
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is not string trusted)
        {
            return null;
        }

        string? path = trusted.Split(Path.PathSeparator).FirstOrDefault(p => Path.GetFileNameWithoutExtension(p) == FSharpCore);
        return path is null ? null : AssemblyName.GetAssemblyName(path).Version;
    }
}
