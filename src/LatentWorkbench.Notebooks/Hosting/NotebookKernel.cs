using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace LatentWorkbench.Notebooks.Hosting;

/// <summary>
/// The kernel a notebook runs in: the real .NET Interactive <see cref="CompositeKernel"/> with a
/// <see cref="CSharpKernel"/> set up as the dotnet-interactive tool sets it up for VS Code and Jupyter, hosted
/// in this process (docs/polyglot-contract.md §2).
/// </summary>
/// <remarks>
/// The C# kernel gets the standard setup: <c>#r "nuget:..."</c>, <c>#i</c> and restore
/// (<c>UseNugetDirective</c>, with the resolved assemblies added to the script's references), the kernel helpers
/// (<c>using static Microsoft.DotNet.Interactive.Kernel</c>: <c>display</c>, <c>HTML</c>...), <c>#!who</c> /
/// <c>#!whos</c>, and value sharing (<c>#!set</c>, <c>#!share</c>). The composite gets <c>#!time</c> and the
/// loading of kernel extensions shipped in NuGet packages (<see cref="TimeMagicCommand"/>, <see cref="NuGetKernelExtensions"/>): in the tool those
/// live in assemblies that are not published as packages. Formatting is the browser front end's (VS Code,
/// Jupyter): objects default to <c>text/html</c>, strings to <c>text/plain</c>.
/// </remarks>
public static class NotebookKernel
{
    /// <summary>The C# kernel's name, as cells and notebook metadata name it.</summary>
    public const string CSharpKernelName = "csharp";

    /// <summary>Creates a fresh kernel (one per notebook run; dispose it when the run ends).</summary>
    public static CompositeKernel Create()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();

        var composite = new CompositeKernel();
        composite.Add(csharp, ["c#", "C#"]);
        composite.DefaultKernelName = CSharpKernelName;
        composite.UseTimeMagicCommand().UseNuGetKernelExtensions();

        // What the tool sets for a browser front end (VS Code and Jupyter alike).
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
        return composite;
    }

    /// <summary>The C# kernel inside <paramref name="composite"/>.</summary>
    public static CSharpKernel CSharpOf(CompositeKernel composite)
    {
        ArgumentNullException.ThrowIfNull(composite);
        return composite.ChildKernels.OfType<CSharpKernel>().Single();
    }
}
