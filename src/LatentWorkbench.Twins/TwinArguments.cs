using LatentWorkbench.Notebooks.Parameters;

namespace LatentWorkbench.Twins;

/// <summary>A twin's command line: <c>[--quick] [--set name=value]... [--out DIR]</c>, the options of <c>notebooks run</c>.</summary>
/// <param name="Overrides">Parameter overrides by name, as text.</param>
/// <param name="Quick">Set <c>budget</c> to quick.</param>
/// <param name="Output">The output folder, or null for the default.</param>
/// <param name="Help">Print the usage and stop.</param>
public sealed record TwinArguments(IReadOnlyDictionary<string, string> Overrides, bool Quick, string? Output, bool Help)
{
    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">An unknown option, a missing value, or a <c>--set</c> without <c>=</c>.</exception>
    public static TwinArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var pairs = new List<string>();
        bool quick = false, help = false;
        string? output = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--quick":
                    quick = true;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                case "--out":
                    output = i + 1 < args.Count ? args[++i] : throw new ArgumentException("--out needs a folder (e.g. --out /tmp/twin).");
                    break;
                case "--set":
                    pairs.Add(i + 1 < args.Count ? args[++i] : throw new ArgumentException("--set needs name=value (e.g. --set seed=7)."));
                    break;
                default:
                    throw new ArgumentException($"'{arg}' is not an option of a twin; expected --quick, --set name=value, --out DIR or --help.");
            }
        }

        return new TwinArguments(ParameterOverrides.Parse(pairs), quick, output, help);
    }
}
