using System.Reflection;

namespace LatentWorkbench.Notebooks.Parameters;

/// <summary>
/// The enums that enum parameters (<see cref="ParameterType.Enum"/>) may name, and what this machine can use of their
/// values. The parameters cell only spells a type's name; this resolves it, so that <c>--set budget=quick</c> is checked
/// against <c>StudyBudget</c>'s members before anything runs.
/// </summary>
public sealed class ParameterEnums
{
    private readonly IReadOnlyList<Type>? _enums;
    private readonly Func<Enum, string?>? _unusable;

    /// <summary>Resolves against <paramref name="enums"/> only.</summary>
    /// <param name="enums">The enum types a parameter may have.</param>
    /// <param name="unusable">
    /// Why a parsed value cannot be used on this machine (e.g. a CUDA device where none is present), or null when it can;
    /// null: every value can.
    /// </param>
    public ParameterEnums(IEnumerable<Type> enums, Func<Enum, string?>? unusable = null)
    {
        ArgumentNullException.ThrowIfNull(enums);
        _enums = enums.Where(t => t.IsEnum).Distinct().ToArray();
        _unusable = unusable;
    }

    private ParameterEnums()
    {
    }

    /// <summary>Resolves against the public enums of every assembly loaded in the process when an override is parsed.</summary>
    public static ParameterEnums FromLoadedAssemblies { get; } = new();

    /// <summary>The enum <paramref name="parameter"/> is declared with.</summary>
    /// <exception cref="ParameterException">No known enum, or more than one, has that name.</exception>
    public Type Resolve(ParameterDeclaration parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        string name = (parameter.TypeName ?? string.Empty).Replace("global::", string.Empty, StringComparison.Ordinal);
        // The same enum loaded twice (the CLI's copy and a notebook's #r copy) is one candidate.
        var candidates = Known().Where(t => Matches(t, name)).DistinctBy(t => t.FullName).ToArray();
        return candidates.Length switch
        {
            1 => candidates[0],
            0 => throw new ParameterException(
                $"Parameter '{parameter.Name}' is declared as '{parameter.TypeName}', which is not an enum the runner knows, so it cannot be overridden (supported: bool, int, long, float, double, decimal, string, an enum of a referenced library, or a one-dimensional array of one of them)."),
            _ => throw new ParameterException(
                $"Parameter '{parameter.Name}' is declared as '{parameter.TypeName}', which names more than one enum ({string.Join(", ", candidates.Select(t => t.FullName))}); qualify it in the parameters cell."),
        };
    }

    /// <summary>Why <paramref name="value"/> cannot be used on this machine, or null when it can.</summary>
    public string? Unusable(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _unusable?.Invoke(value);
    }

    /// <summary>The C# spelling of <paramref name="type"/> that compiles whatever the cell's usings (<c>global::A.B.C</c>).</summary>
    internal static string CSharpName(Type type) => "global::" + type.FullName!.Replace('+', '.');

    private static bool Matches(Type type, string name)
    {
        string full = type.FullName!.Replace('+', '.');
        return full == name || full.EndsWith("." + name, StringComparison.Ordinal);
    }

    private IEnumerable<Type> Known() => _enums ?? AppDomain.CurrentDomain.GetAssemblies()
        .Where(a => !a.IsDynamic)
        .SelectMany(ExportedEnums)
        .Distinct();

    private static IEnumerable<Type> ExportedEnums(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes().Where(t => t.IsEnum);
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or NotSupportedException)
        {
            // An assembly whose dependencies are not loadable here exports nothing we could name anyway.
            return [];
        }
    }
}
