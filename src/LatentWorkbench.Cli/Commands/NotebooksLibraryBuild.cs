using LatentWorkbench.Data;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// The shipped notebooks <c>#r "../src/LatentWorkbench/bin/Release/net10.0/LatentWorkbench.dll"</c>: this checks
/// that the DLL exists and is the build this CLI runs with (same module version id), so that what VS Code
/// users load and what the main job runs are the same code.
/// </summary>
internal static class NotebooksLibraryBuild
{
    /// <summary>The library DLL path the notebooks reference, relative to the repository root.</summary>
    public static readonly string RelativePath = Path.Combine("src", "LatentWorkbench", "bin", "Release", "net10.0", "LatentWorkbench.dll");

    /// <summary>Throws a message that says how to fix it when the DLL is missing or not current.</summary>
    public static string EnsureCurrent(string repositoryRoot)
    {
        const string Fix = "build it with `dotnet build -c Release`, or run the main job as `dotnet run --project src/LatentWorkbench.Cli -c Release -- run`, which builds it";
        string path = Path.Combine(repositoryRoot, RelativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The notebooks reference {RelativePath}, which does not exist: {Fix}.", path);
        }

        var loaded = typeof(MnistSplit).Assembly;
        Guid onDisk;
        using (var stream = File.OpenRead(path))
        using (var reader = new System.Reflection.PortableExecutable.PEReader(stream))
        {
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
            onDisk = metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
        }

        if (onDisk != loaded.ManifestModule.ModuleVersionId)
        {
            throw new InvalidOperationException(
                $"{RelativePath} is not the build this workbench runs with (stale, or built in another configuration): {Fix}.");
        }

        return path;
    }
}
