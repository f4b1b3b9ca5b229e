using System.Text.Json.Nodes;

namespace LatentWorkbench.Twins;

/// <summary>A parameter's override, parsed by the runner's parser into JSON, as the C# type of the variable it replaces.</summary>
internal static class TwinValues
{
    /// <summary><paramref name="node"/> as a <typeparamref name="T"/> (numbers, bools, strings, enums by name, one-dimensional arrays, nullable scalars).</summary>
    /// <exception cref="InvalidOperationException">The value does not fit the variable's type (the parser and the variable disagree).</exception>
    public static T As<T>(JsonNode? node, string name) => (T)Convert(node, typeof(T), name)!;

    private static object? Convert(JsonNode? node, Type type, string name)
    {
        if (node is null)
        {
            return Nullable.GetUnderlyingType(type) is not null || !type.IsValueType
                ? null
                : throw new InvalidOperationException($"Parameter '{name}' is a {type.Name}, which cannot be null.");
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsArray && node is JsonArray array)
        {
            var element = target.GetElementType()!;
            var values = Array.CreateInstance(element, array.Count);
            for (int i = 0; i < array.Count; i++)
            {
                values.SetValue(Convert(array[i], element, name), i);
            }

            return values;
        }

        if (target.IsEnum)
        {
            return Enum.Parse(target, node.GetValue<string>(), ignoreCase: true);
        }

        return target == typeof(string) ? node.GetValue<string>()
            : target == typeof(bool) ? node.GetValue<bool>()
            : target == typeof(int) ? node.GetValue<int>()
            : target == typeof(long) ? node.GetValue<long>()
            : target == typeof(float) ? node.GetValue<float>()
            : target == typeof(double) ? node.GetValue<double>()
            : target == typeof(decimal) ? node.GetValue<decimal>()
            : throw new InvalidOperationException($"Parameter '{name}' is a {target.Name}, which a twin cannot take from the command line.");
    }
}
