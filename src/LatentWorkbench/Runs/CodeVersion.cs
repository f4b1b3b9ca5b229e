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

    /// <summary>
    /// <paramref name="version"/> with its commit cut to 7 hex digits (<c>1.0.0+d32ea4b</c>), as git abbreviates it: short
    /// enough for a table column, still enough to find the commit.
    /// </summary>
    public static string Short(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && version.Length - plus - 1 > 7 && version[(plus + 1)..].All(char.IsAsciiHexDigit) ? version[..(plus + 8)] : version;
    }
}
