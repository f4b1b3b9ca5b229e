using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace LatentWorkbench.Notebooks.Parameters;

/// <summary>An override value parsed for its parameter's type: the C# literal to inject and the JSON to record.</summary>
/// <param name="CSharp">The C# literal, e.g. <c>true</c>, <c>42L</c>, <c>0.001</c>, <c>"a \"b\""</c>.</param>
/// <param name="Json">The typed value recorded in <c>metadata.papermill.parameters</c>.</param>
/// <param name="DeclaredAs">How the injected line declares the variable: <c>var</c>, or the type where the literal alone would not give it (<c>int?</c>).</param>
public sealed record ParameterLiteral(string CSharp, JsonNode? Json, string DeclaredAs = "var")
{
    /// <summary>Parses <paramref name="text"/> as a value of <paramref name="parameter"/>'s type.</summary>
    /// <param name="parameter">The declared parameter.</param>
    /// <param name="text">The override as given on the command line.</param>
    /// <param name="enums">Resolves an enum parameter's type (default: the enums of the assemblies loaded in the process).</param>
    /// <exception cref="ParameterException">The text is not a value of that type (or the type cannot be overridden, or the value cannot be used on this machine).</exception>
    public static ParameterLiteral Parse(ParameterDeclaration parameter, string text, ParameterEnums? enums = null)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(text);
        enums ??= ParameterEnums.FromLoadedAssemblies;
        Type? enumType = parameter.Type == ParameterType.Enum ? enums.Resolve(parameter) : null;
        if (parameter.IsArray && parameter.Type != ParameterType.Unsupported)
        {
            return ParseList(parameter, text, enums, enumType);
        }

        if (parameter.IsNullable && parameter.Type != ParameterType.Unsupported)
        {
            // The injected line keeps the declared type, so that later cells' `epochs ?? …` still compile.
            string declared = (enumType is null ? Keyword(parameter.Type) : ParameterEnums.CSharpName(enumType)) + "?";
            return string.Equals(text.Trim(), "null", StringComparison.Ordinal)
                ? new ParameterLiteral("null", null, declared)
                : Parse(parameter with { IsNullable = false }, text, enums) with { DeclaredAs = declared };
        }

        if (enumType is not null)
        {
            return ParseEnum(parameter, text, enums, enumType);
        }

        var invariant = CultureInfo.InvariantCulture;
        const NumberStyles integer = NumberStyles.AllowLeadingSign;
        const NumberStyles real = NumberStyles.Float;
        ParameterLiteral? literal = parameter.Type switch
        {
            ParameterType.String => new(SymbolDisplay.FormatLiteral(text, quote: true), text),
            ParameterType.Bool when bool.TryParse(text, out bool b) => new(b ? "true" : "false", b),
            ParameterType.Int when int.TryParse(text, integer, invariant, out int i) => new(i.ToString(invariant), i),
            ParameterType.Long when long.TryParse(text.TrimEnd('L', 'l'), integer, invariant, out long l) => new(l.ToString(invariant) + "L", l),
            ParameterType.Double when double.TryParse(text.TrimEnd('D', 'd'), real, invariant, out double d) => new(DoubleLiteral(d), double.IsFinite(d) ? d : null),
            ParameterType.Float when float.TryParse(text.TrimEnd('F', 'f'), real, invariant, out float f) && float.IsFinite(f) => new(f.ToString("R", invariant) + "f", f),
            ParameterType.Decimal when decimal.TryParse(text.TrimEnd('M', 'm'), real, invariant, out decimal m) => new(m.ToString(invariant) + "m", m),
            _ => null,
        };
        return literal ?? throw new ParameterException(parameter.Type == ParameterType.Unsupported
            ? $"Parameter '{parameter.Name}' cannot be overridden: its default '{parameter.DefaultSource}' is not a literal of a supported type (bool, int, long, float, double, decimal, string, an enum member, or a one-dimensional array of one of them)."
            : $"Parameter '{parameter.Name}' is {Describe(parameter.Type)}; '{text}' is not a valid value (default: {parameter.DefaultSource}).");
    }

    // A list override: "[2, 10, 30]" or "2,10,30"; string elements may be quoted ("a, b", ["a", "b"]). Each element is
    // parsed as the scalar it is, so an error names the element, what was given and what was expected.
    private static ParameterLiteral ParseList(ParameterDeclaration parameter, string text, ParameterEnums enums, Type? enumType)
    {
        string inner = text.Trim();
        if (inner.StartsWith('[') && inner.EndsWith(']'))
        {
            inner = inner[1..^1];
        }

        var elements = SplitElements(inner);
        if (elements.Count == 0)
        {
            throw new ParameterException(
                $"Parameter '{parameter.Name}' is a list of {Describe(parameter.Type, enumType)}; '{text}' has no elements (give at least one, e.g. {parameter.DefaultSource}).");
        }

        var scalar = parameter with { IsArray = false };
        var csharp = new List<string>();
        var json = new JsonArray();
        for (int i = 0; i < elements.Count; i++)
        {
            string element = elements[i];
            if (parameter.Type == ParameterType.String && element.Length >= 2 && element.StartsWith('"') && element.EndsWith('"'))
            {
                element = element[1..^1];
            }

            ParameterLiteral literal;
            try
            {
                literal = Parse(scalar, element, enums);
            }
            catch (ParameterException e)
            {
                throw new ParameterException(
                    $"Parameter '{parameter.Name}' is a list of {Describe(parameter.Type, enumType)}; element {i + 1} of '{text}', '{elements[i]}', is not one (default: {parameter.DefaultSource}).", e);
            }

            csharp.Add(literal.CSharp);
            json.Add(literal.Json?.DeepClone());
        }

        string elementType = enumType is null ? Keyword(parameter.Type) : ParameterEnums.CSharpName(enumType);
        return new ParameterLiteral($"new {elementType}[] {{ {string.Join(", ", csharp)} }}", json);
    }

    // An enum member by name, case-insensitive, with or without the type's name before it (quick, StudyBudget.Quick);
    // numbers are refused, since an enum's numbers say nothing to a reader of the command line.
    private static ParameterLiteral ParseEnum(ParameterDeclaration parameter, string text, ParameterEnums enums, Type enumType)
    {
        string given = text.Trim();
        int dot = given.LastIndexOf('.');
        string member = dot >= 0 ? given[(dot + 1)..] : given;
        string? name = Enum.GetNames(enumType).FirstOrDefault(n => string.Equals(n, member, StringComparison.OrdinalIgnoreCase));
        if (name is null || (dot >= 0 && !enumType.FullName!.Replace('+', '.').EndsWith(given[..dot], StringComparison.Ordinal)))
        {
            throw new ParameterException(
                $"Parameter '{parameter.Name}' is {Describe(ParameterType.Enum, enumType)}; '{text}' is not one of them (default: {parameter.DefaultSource}).");
        }

        var value = (Enum)Enum.Parse(enumType, name);
        if (enums.Unusable(value) is { } why)
        {
            throw new ParameterException($"Parameter '{parameter.Name}' cannot be {name} here: {why}");
        }

        return new ParameterLiteral($"{ParameterEnums.CSharpName(enumType)}.{name}", name);
    }

    // Commas separate elements except inside double quotes (a quoted string element may hold a comma).
    private static List<string> SplitElements(string inner)
    {
        var elements = new List<string>();
        if (inner.Trim().Length == 0)
        {
            return elements;
        }

        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in inner)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == ',' && !quoted)
            {
                elements.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        elements.Add(current.ToString().Trim());
        return elements;
    }

    private static string Keyword(ParameterType type) => type switch
    {
        ParameterType.Bool => "bool",
        ParameterType.Int => "int",
        ParameterType.Long => "long",
        ParameterType.Float => "float",
        ParameterType.Double => "double",
        ParameterType.Decimal => "decimal",
        _ => "string",
    };

    private static string DoubleLiteral(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        // "R" prints 1 for 1.0; add the point so the injected var is a double, not an int.
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static string Describe(ParameterType type, Type? enumType = null) => type switch
    {
        ParameterType.Enum when enumType is not null => $"a {enumType.Name} ({string.Join(", ", Enum.GetNames(enumType).Select(n => n.ToLowerInvariant()))})",
        ParameterType.Bool => "a bool (true or false)",
        ParameterType.Int => "an int",
        ParameterType.Long => "a long",
        ParameterType.Float => "a float",
        ParameterType.Double => "a double (invariant culture, e.g. 0.001 or 1e-3)",
        ParameterType.Decimal => "a decimal",
        _ => "a string",
    };
}
