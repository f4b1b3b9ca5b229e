using System.Text.Json;

namespace LatentWorkbench.Tests.Notebooks;

/// <summary>Checks of the on-disk layout VS Code writes, made independently of our writer.</summary>
internal static class NotebookJsonAssert
{
    /// <summary>Every object's keys are in ordinal order, and each line is indented one space per nesting level.</summary>
    public static void KeysSortedWithOneSpaceIndent(string text)
    {
        using var document = JsonDocument.Parse(text);
        AssertSorted(document.RootElement, "$");
        int depth = 0;
        foreach (string line in text.TrimEnd('\n').Split('\n'))
        {
            string trimmed = line.TrimStart(' ');
            if (trimmed.StartsWith('}') || trimmed.StartsWith(']'))
            {
                depth--;
            }

            Assert.True(line.Length - trimmed.Length == depth, $"indent of '{line}' should be {depth}");
            if (trimmed.EndsWith('{') || trimmed.EndsWith('['))
            {
                depth++;
            }
        }
    }

    private static void AssertSorted(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var keys = element.EnumerateObject().Select(p => p.Name).ToList();
            Assert.True(keys.SequenceEqual(keys.Order(StringComparer.Ordinal)), $"keys of {path} are not sorted: {string.Join(", ", keys)}");
            foreach (var property in element.EnumerateObject())
            {
                AssertSorted(property.Value, $"{path}.{property.Name}");
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var item in element.EnumerateArray())
            {
                AssertSorted(item, $"{path}[{i++}]");
            }
        }
    }
}
