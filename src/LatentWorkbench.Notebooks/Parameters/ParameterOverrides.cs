namespace LatentWorkbench.Notebooks.Parameters;

/// <summary>The <c>--set name=value</c> overrides of a command line, shared by <c>notebooks run</c> and the twins.</summary>
public static class ParameterOverrides
{
    /// <summary>Parses <c>name=value</c> pairs (the value may hold '='); a later pair for a name replaces an earlier one.</summary>
    /// <exception cref="ArgumentException">A pair without a name and '='.</exception>
    public static Dictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in pairs)
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--set '{pair}': expected name=value (e.g. --set seed=7).");
            }

            overrides[pair[..equals].Trim()] = pair[(equals + 1)..];
        }

        return overrides;
    }
}
