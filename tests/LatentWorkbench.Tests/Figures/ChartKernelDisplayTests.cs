using System.Xml.Linq;
using LatentWorkbench.Figures;
using System.Reflection;

namespace LatentWorkbench.Tests.Figures;

/// <summary>
/// Charts in a real in-process C# kernel (the one VS Code and Jupyter run): <c>display(chart)</c> must yield one
/// output carrying both text/html (interactive) and image/svg+xml (the static twin GitHub shows).
/// </summary>
/// <remarks>
/// The kernel is reached by name (reflection and <c>dynamic</c>), never by type: a compile-time reference would make
/// this test assembly reference Microsoft.DotNet.Interactive, whose <c>System.DisplayExtensions</c> then collides with
/// the script runner's own when the runner fixtures <c>#r</c> this assembly.
/// </remarks>
public sealed class ChartKernelDisplayTests
{
    [Fact]
    public async Task Display_Of_A_Workbench_Chart_Yields_Html_And_Svg()
    {
        var values = await DisplayedIn("""
            var chart = Charts.Embedding(new float[] { 0, 0, 1, 1, 2, 0.5f, 3, 2 }, new byte[] { 0, 1, 0, 1 }, title: "four points");
            display(chart);
            """);

        var output = Assert.Single(values);
        Assert.Equal(["image/svg+xml", "text/html"], output.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("plotly.newPlot(id, figure.data, figure.layout", output["text/html"], StringComparison.Ordinal);
        Assert.Contains("window.Plotly", output["text/html"], StringComparison.Ordinal);
        var svg = XDocument.Parse(output["image/svg+xml"]).Root!;
        Assert.Equal("svg", svg.Name.LocalName);
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value == "four points");
    }

    [Fact]
    public async Task Display_Of_A_Users_Own_Plotly_Chart_Also_Yields_Html_And_Svg()
    {
        var values = await DisplayedIn("""
            LatentWorkbench.Figures.Display.ChartFormatters.Register();
            var chart = Plotly.NET.CSharp.Chart.Column<double, string, string>(new double[] { 3, 5 }, new string[] { "a", "b" });
            display(chart);
            """);

        var output = Assert.Single(values);
        Assert.True(output.ContainsKey("text/html") && output.ContainsKey("image/svg+xml"), $"got {string.Join(", ", output.Keys)}");
        var bars = XDocument.Parse(output["image/svg+xml"]).Descendants().Single(e => e.Name.LocalName == "g" && e.Attribute("class")?.Value == "bars");
        Assert.Equal(2, bars.Elements().Count(e => e.Name.LocalName == "rect"));
    }

    [Fact]
    public async Task A_Trailing_Chart_Expression_Is_Displayed_With_Both_Mime_Types()
    {
        var values = await DisplayedIn("""Charts.Line(new double[] { 1, 4, 9 }, "squares", title: "trailing")""");

        var output = Assert.Single(values);
        Assert.True(output.ContainsKey("text/html") && output.ContainsKey("image/svg+xml"), $"got {string.Join(", ", output.Keys)}");
    }

    // Runs the code in a fresh CSharpKernel that has referenced this library (as a notebook's #r does) and returns each display's mime bundle.
    private static async Task<List<Dictionary<string, string>>> DisplayedIn(string code)
    {
        var kernelType = Type.GetType("Microsoft.DotNet.Interactive.CSharp.CSharpKernel, Microsoft.DotNet.Interactive.CSharp", throwOnError: true)!;
        var helpers = kernelType.Assembly.GetType("Microsoft.DotNet.Interactive.CSharp.CSharpKernelExtensions", throwOnError: true)!
            .GetMethod("UseKernelHelpers", BindingFlags.Public | BindingFlags.Static)!;
        object kernel = helpers.Invoke(null, [Activator.CreateInstance(kernelType)])!;
        try
        {
            string library = typeof(Charts).Assembly.Location;
            string plotly = typeof(Plotly.NET.GenericChart).Assembly.Location;
            string plotlyCSharp = typeof(Plotly.NET.CSharp.Chart).Assembly.Location;
            var setup = await Submit(kernel, $"#r \"{library}\"\n#r \"{plotly}\"\n#r \"{plotlyCSharp}\"\nusing LatentWorkbench.Figures;");
            Assert.DoesNotContain(setup, e => e.GetType().Name == "CommandFailed");

            var events = await Submit(kernel, code);
            object? failure = events.FirstOrDefault(e => e.GetType().Name == "CommandFailed");
            Assert.True(failure is null, failure is null ? null : (string?)Get(failure, "Message"));
            return [.. events
                .Where(e => e.GetType().Name is "DisplayedValueProduced" or "ReturnValueProduced")
                .Select(e => ((System.Collections.IEnumerable)Get(e, "FormattedValues")!).Cast<object>()
                    .ToDictionary(v => (string)Get(v, "MimeType")!, v => (string)Get(v, "Value")!))];
        }
        finally
        {
            ((IDisposable)kernel).Dispose();
        }
    }

    private static async Task<List<object>> Submit(object kernel, string code)
    {
        var submitType = Type.GetType("Microsoft.DotNet.Interactive.Commands.SubmitCode, Microsoft.DotNet.Interactive", throwOnError: true)!;
        var constructor = submitType.GetConstructors().OrderBy(c => c.GetParameters().Length).First(c => c.GetParameters()[0].ParameterType == typeof(string));
        object?[] arguments = [code, .. constructor.GetParameters().Skip(1).Select(p => p.DefaultValue)];
        object command = constructor.Invoke(arguments);
        var send = kernel.GetType().GetMethods().Single(m => m.Name == "SendAsync" && m.GetParameters().Length == 2);
        var task = (Task)send.Invoke(kernel, [command, CancellationToken.None])!;
        await task;
        object result = Get(task, "Result")!;
        return [.. ((System.Collections.IEnumerable)Get(result, "Events")!).Cast<object>()];
    }

    private static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);
}
