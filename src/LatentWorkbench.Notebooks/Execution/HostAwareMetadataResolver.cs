using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace LatentWorkbench.Notebooks.Execution;

/// <summary>
/// Resolves <c>#r</c> like the kernel (a relative path is taken from the notebook's folder; dependencies are
/// found beside the DLL), with one change: when the referenced assembly has the same name as one the host
/// process already has (loaded, or on its trusted-platform list) at the same or a newer version, the
/// reference is redirected to the host's file.
/// </summary>
/// <remarks>
/// Why: at run time Roslyn's loader lets the default load context answer first, so a notebook's
/// <c>#r "../src/LatentWorkbench/bin/Release/net10.0/LatentWorkbench.dll"</c> executes against the copy the
/// host (the CLI, the test process) already loaded. Compiling against that same file makes compile time and
/// run time agree, and a <c>MnistSplit</c> made in a cell is the host's <c>MnistSplit</c> (one type identity).
/// </remarks>
internal sealed class HostAwareMetadataResolver : MetadataReferenceResolver
{
    private static readonly Lazy<Dictionary<string, string>> TrustedPlatformAssemblies = new(ReadTrustedPlatformAssemblies);
    private readonly MetadataReferenceResolver _inner;

    public HostAwareMetadataResolver(MetadataReferenceResolver inner) => _inner = inner;

    /// <inheritdoc/>
    public override bool ResolveMissingAssemblies => _inner.ResolveMissingAssemblies;

    /// <summary>The host's file for an assembly with simple name <paramref name="name"/>: loaded in the default context, else trusted-platform; null when the host has none.</summary>
    public static string? HostPathOf(string name)
    {
        var loaded = AssemblyLoadContext.Default.Assemblies
            .FirstOrDefault(a => !a.IsDynamic && a.Location.Length > 0 && string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
        if (loaded is not null)
        {
            return loaded.Location;
        }

        return TrustedPlatformAssemblies.Value.TryGetValue(name, out string? path) ? path : null;
    }

    /// <inheritdoc/>
    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
        _inner.ResolveReference(reference, baseFilePath, properties).Select(PreferHost).ToImmutableArray();

    /// <inheritdoc/>
    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        var resolved = _inner.ResolveMissingAssembly(definition, referenceIdentity);
        return resolved is null ? null : PreferHost(resolved);
    }

    /// <inheritdoc/>
    public override bool Equals(object? other) => other is HostAwareMetadataResolver resolver && _inner.Equals(resolver._inner);

    /// <inheritdoc/>
    public override int GetHashCode() => _inner.GetHashCode() * 31;

    private static PortableExecutableReference PreferHost(PortableExecutableReference reference)
    {
        if (reference.FilePath is not { } path || !File.Exists(path))
        {
            return reference;
        }

        AssemblyName referenced;
        try
        {
            referenced = AssemblyName.GetAssemblyName(path);
        }
        catch (BadImageFormatException)
        {
            return reference;
        }

        string? hostPath = referenced.Name is null ? null : HostPathOf(referenced.Name);
        if (hostPath is null || string.Equals(Path.GetFullPath(hostPath), Path.GetFullPath(path), StringComparison.Ordinal))
        {
            return reference;
        }

        var hostVersion = AssemblyName.GetAssemblyName(hostPath).Version;
        return hostVersion is not null && referenced.Version is not null && hostVersion >= referenced.Version
            ? MetadataReference.CreateFromFile(hostPath, reference.Properties)
            : reference;
    }

    private static Dictionary<string, string> ReadTrustedPlatformAssemblies()
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
        {
            foreach (string path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        return byName;
    }
}
