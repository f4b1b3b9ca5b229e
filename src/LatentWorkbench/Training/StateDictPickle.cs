using System.Reflection;
using System.Runtime.Loader;
using LatentWorkbench.Common;
using Module = TorchSharp.torch.nn.Module;

namespace LatentWorkbench.Training;

/// <summary>
/// PyTorch's <c>state_dict</c> pickle, read and written by TorchSharp.PyBridge bound to the TorchSharp the library
/// runs on, in every host.
/// </summary>
/// <remarks>
/// The library calls PyBridge through delegates, never by a compile-time reference: in the dotnet-interactive tool's
/// kernel a compile-time call binds a PyBridge whose TorchSharp is a second copy (see
/// <see cref="BoundDependencyLoadContext"/>). Where TorchSharp is in the default load context (our CLI, runner and
/// tests) the default context's PyBridge is used: the runtime rolls its TorchSharp 0.103 reference forward to ours.
/// </remarks>
internal static class StateDictPickle
{
    private const string PyBridge = "TorchSharp.PyBridge";
    private const string Extensions = PyBridge + ".PyBridgeModuleExtensions";

    private static readonly Lazy<Functions> Bound = new(Bind, LazyThreadSafetyMode.ExecutionAndPublication);

    private delegate Module SaveToStream(Module module, Stream stream, IList<string>? skip, bool leaveOpen);

    private delegate Module LoadFromStream(
        Module module, Stream stream, bool strict, IList<string>? skip, Dictionary<string, bool>? loadedParameters, bool leaveOpen);

    /// <summary>Writes <paramref name="module"/>'s parameters and buffers to <paramref name="stream"/>, leaving it open.</summary>
    public static void Save(Module module, Stream stream) => Bound.Value.Save(module, stream, null, true);

    /// <summary>Reads a state_dict from <paramref name="stream"/> into <paramref name="module"/>, closing the stream.</summary>
    /// <param name="module">The module to fill.</param>
    /// <param name="stream">The pickle.</param>
    /// <param name="strict">Whether every name and shape must match.</param>
    public static void Load(Module module, Stream stream, bool strict) => Bound.Value.Load(module, stream, strict, null, null, false);

    private static Functions Bind()
    {
        Assembly torchSharp = typeof(Module).Assembly;
        Assembly pyBridge = AssemblyLoadContext.GetLoadContext(torchSharp) == AssemblyLoadContext.Default
            ? AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(PyBridge))
            : LoadBoundTo(torchSharp);
        Type extensions = pyBridge.GetType(Extensions, throwOnError: true)!;
        return new Functions(
            Method(extensions, "save_py", [typeof(Module), typeof(Stream), typeof(IList<string>), typeof(bool)]).CreateDelegate<SaveToStream>(),
            Method(extensions, "load_py",
                [typeof(Module), typeof(Stream), typeof(bool), typeof(IList<string>), typeof(Dictionary<string, bool>), typeof(bool)])
                .CreateDelegate<LoadFromStream>());
    }

    private static Assembly LoadBoundTo(Assembly torchSharp)
    {
        string folder = Path.GetDirectoryName(typeof(StateDictPickle).Assembly.Location) is { Length: > 0 } directory
            ? directory
            : AppContext.BaseDirectory;
        string path = Path.Combine(folder, PyBridge + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{PyBridge}.dll, which reads and writes checkpoints, is not beside the library in '{folder}'; rebuild src/LatentWorkbench.", path);
        }

        return new BoundDependencyLoadContext(folder, torchSharp).LoadFromAssemblyPath(path);
    }

    private static MethodInfo Method(Type extensions, string name, Type[] parameters) =>
        extensions.GetMethod(name, BindingFlags.Public | BindingFlags.Static, parameters)
        ?? throw new MissingMethodException(
            $"{extensions.Assembly.GetName()} has no {name}({string.Join(", ", parameters.Select(p => p.Name))}) taking the Module of "
            + $"{typeof(Module).Assembly.GetName()}; the library is built against the version pinned in Directory.Packages.props.");

    private sealed record Functions(SaveToStream Save, LoadFromStream Load);
}
