using System.Reflection;

namespace LatentWorkbench.Runs;

/// <summary>Which code a run was trained with.</summary>
public static class CodeVersion
{
    /// <summary>
    /// The library's informational version, e.g. <c>1.0.0+d32ea4b8a3170e95bea4c59071c35f9985ca04e2</c>: the SDK
    /// appends the git commit the library was built from (Source Link), and leaves just the version when the
    /// build had no git checkout. Uncommitted changes are not visible in it.
    /// </summary>
    public static string Current { get; } =
        typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CodeVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
