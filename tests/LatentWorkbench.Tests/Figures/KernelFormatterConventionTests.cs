using System.Collections;
using System.Reflection;
using System.Xml.Linq;
using LatentWorkbench.Figures;

namespace LatentWorkbench.Tests.Figures;

/// <summary>
/// Discovers and calls our formatters the way the Polyglot kernel does (Formatter.TryRegisterFromConventionBasedFormatterSources):
/// by the attribute's class name and by member names through reflection, never through our types
/// (image grids; tables are DataFrames and charts are Plotly.NET types with registered formatters, see ChartKernelDisplayTests).
/// </summary>
public sealed class KernelFormatterConventionTests
{
    [Fact]
    public void An_Image_Grid_Displays_As_Html_And_Svg()
    {
        var output = DisplayLikeTheKernel(SampleFigures.Digits());

        Assert.Equal(["text/html", "image/svg+xml"], output.Keys);
        Assert.Contains("data:image/png;base64,", output["image/svg+xml"], StringComparison.Ordinal);
        Assert.Contains("<svg", output["text/html"], StringComparison.Ordinal);
    }

    /// <summary>Every preferred MIME type formatted by the convention-based formatters: one display_data bundle.</summary>
    private static Dictionary<string, string> DisplayLikeTheKernel(object value)
    {
        var type = value.GetType();
        var attribute = type.GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)GetProperty(attribute, "FormatterSourceType")!;
        var preferred = (string[])GetProperty(attribute, "PreferredMimeTypes")!;

        object source = Activator.CreateInstance(sourceType)!;
        // GetMethod(name) throws AmbiguousMatchException unless exactly one public method has the name, as in the kernel.
        var formatters = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;

        var output = new Dictionary<string, string>();
        foreach (string mimeType in preferred)
        {
            foreach (object formatter in formatters)
            {
                var formatterType = formatter.GetType();
                var handles = (Type?)GetProperty(formatter, "Type") ?? type;
                if ((string?)GetProperty(formatter, "MimeType") != mimeType || !handles.IsAssignableFrom(type))
                {
                    continue;
                }

                var format = formatterType.GetMethod("Format")!;
                Assert.Equal([typeof(object), typeof(TextWriter)], format.GetParameters().Select(p => p.ParameterType));
                using var writer = new StringWriter();
                if ((bool)format.Invoke(formatter, [value, writer])!)
                {
                    output[mimeType] = writer.ToString();
                    break;
                }
            }
        }

        return output;
    }

    private static object? GetProperty(object target, string name) =>
        target.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetGetMethod()?.Invoke(target, null);
}
