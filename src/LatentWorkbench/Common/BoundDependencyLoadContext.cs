using System.Reflection;
using System.Runtime.Loader;

namespace LatentWorkbench.Common;

/// <summary>
/// Loads a dependency from the folder beside the library with its references to TorchSharp bound to the TorchSharp
/// the library itself runs on, whatever version the dependency was built against.
/// </summary>
/// <remarks>
/// Needed in the C# kernel of the dotnet-interactive tool (VS Code's Polyglot Notebooks, Jupyter). Its script loader
/// (Roslyn's <c>InteractiveAssemblyLoader</c>) binds the references of a <c>#r</c>'d library itself, and it
/// matches a reference to a file beside the library only at the exact version: TorchSharp.PyBridge 1.4.4 references
/// TorchSharp 0.103, we ship 0.107, so the loader loaded 0.107 a second time for it and PyBridge's methods, which
/// take the second copy's <c>Module</c>, were missing for ours. Every other assembly the dependency asks for comes
/// from the same folder into this context, or, for the framework, from the default context.
/// </remarks>
internal sealed class BoundDependencyLoadContext : AssemblyLoadContext
{
    private readonly string _folder;
    private readonly Assembly _torchSharp;

    public BoundDependencyLoadContext(string folder, Assembly torchSharp)
        : base(nameof(BoundDependencyLoadContext))
    {
        _folder = folder;
        _torchSharp = torchSharp;
    }

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not { } name)
        {
            return null;
        }

        if (name == _torchSharp.GetName().Name)
        {
            return _torchSharp;
        }

        string path = Path.Combine(_folder, name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
