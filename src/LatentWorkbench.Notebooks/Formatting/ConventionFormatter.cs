using System.Reflection;

namespace LatentWorkbench.Notebooks.Formatting;

/// <summary>
/// One formatter object returned by a convention-based source (../shared/specs/polyglot.md §3): a public
/// <c>string MimeType</c>, an optional <c>Type Type</c>, and exactly one public <c>bool Format(object, TextWriter)</c>.
/// Called by reflection, so the formatting library needs no reference to this runner (nor the kernel).
/// </summary>
internal sealed class ConventionFormatter
{
    private readonly object _instance;
    private readonly MethodInfo _format;

    private ConventionFormatter(object instance, string mimeType, Type? type, MethodInfo format)
    {
        _instance = instance;
        MimeType = mimeType;
        Type = type;
        _format = format;
    }

    /// <summary>The mime type this formatter writes.</summary>
    public string MimeType { get; }

    /// <summary>The type it formats, when it says (null: the type carrying the attribute).</summary>
    public Type? Type { get; }

    /// <summary>Wraps <paramref name="instance"/> when it has the convention's members; null otherwise.</summary>
    public static ConventionFormatter? TryCreate(object instance)
    {
        var type = instance.GetType();
        if (type.GetProperty("MimeType", BindingFlags.Public | BindingFlags.Instance)?.GetValue(instance) is not string mimeType)
        {
            return null;
        }

        var formats = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == "Format" && m.ReturnType == typeof(bool) && IsObjectAndWriter(m.GetParameters()))
            .ToList();
        if (formats.Count != 1)
        {
            return null;
        }

        var formattedType = type.GetProperty("Type", BindingFlags.Public | BindingFlags.Instance)?.GetValue(instance) as Type;
        return new ConventionFormatter(instance, mimeType, formattedType, formats[0]);
    }

    /// <summary>Whether this formatter applies to <paramref name="valueType"/>.</summary>
    public bool AppliesTo(Type valueType) => Type is null || Type.IsAssignableFrom(valueType);

    /// <summary>Writes <paramref name="value"/>; false means "not mine", pass to the next formatter.</summary>
    public bool TryFormat(object value, TextWriter writer)
    {
        try
        {
            return (bool)_format.Invoke(_instance, [value, writer])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"The {MimeType} formatter {_instance.GetType().FullName} failed on a {value.GetType().Name}: {e.InnerException.Message}", e.InnerException);
        }
    }

    private static bool IsObjectAndWriter(ParameterInfo[] parameters) =>
        parameters.Length == 2 && parameters[0].ParameterType == typeof(object) && parameters[1].ParameterType == typeof(TextWriter);
}
