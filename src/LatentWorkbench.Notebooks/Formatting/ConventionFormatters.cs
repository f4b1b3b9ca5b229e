using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace LatentWorkbench.Notebooks.Formatting;

/// <summary>
/// Finds a type's formatters the way the .NET Interactive kernel does, by convention and reflection only
/// (../shared/specs/polyglot.md §3): the type or a base type carries an attribute whose class is named
/// <c>TypeFormatterSourceAttribute</c> (any namespace) with a <c>Type FormatterSourceType</c> property and an
/// optional <c>string[] PreferredMimeTypes</c>; the source type has a public parameterless constructor and
/// exactly one public <c>CreateTypeFormatters()</c> returning the formatter objects.
/// </summary>
internal static class ConventionFormatters
{
    /// <summary>The attribute's class name the convention matches on.</summary>
    public const string AttributeName = "TypeFormatterSourceAttribute";

    private static readonly ConcurrentDictionary<Type, TypeFormatters> Cache = new();

    /// <summary>The formatters declared for <paramref name="type"/> (empty when it declares none).</summary>
    public static TypeFormatters For(Type type) => Cache.GetOrAdd(type, Discover);

    private static TypeFormatters Discover(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var attribute = current.GetCustomAttributes(inherit: false).FirstOrDefault(a => a.GetType().Name == AttributeName);
            if (attribute is null)
            {
                continue;
            }

            var attributeType = attribute.GetType();
            var sourceType = attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) as Type
                ?? throw new InvalidOperationException($"{type.FullName}: its {AttributeName} has no Type FormatterSourceType property value.");
            var preferred = attributeType.GetProperty("PreferredMimeTypes")?.GetValue(attribute) as string[];
            return new TypeFormatters(CreateFormatters(sourceType, type).Where(f => f.AppliesTo(type)).ToList(),
                preferred is { Length: > 0 } ? preferred : null);
        }

        return TypeFormatters.None;
    }

    private static IEnumerable<ConventionFormatter> CreateFormatters(Type sourceType, Type displayedType)
    {
        var creators = sourceType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == "CreateTypeFormatters" && m.GetParameters().Length == 0)
            .ToList();
        if (creators.Count != 1 || sourceType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException(
                $"{displayedType.FullName}: formatter source {sourceType.FullName} must have a public parameterless constructor and exactly one public CreateTypeFormatters() method.");
        }

        object source = Activator.CreateInstance(sourceType)!;
        if (creators[0].Invoke(source, null) is not IEnumerable formatters)
        {
            yield break;
        }

        foreach (object? candidate in formatters)
        {
            if (candidate is not null && ConventionFormatter.TryCreate(candidate) is { } formatter)
            {
                yield return formatter;
            }
        }
    }
}
