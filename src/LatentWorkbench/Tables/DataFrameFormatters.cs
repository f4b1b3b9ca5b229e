using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LatentWorkbench.Common;
using LatentWorkbench.Figures;
using Microsoft.Data.Analysis;

namespace LatentWorkbench.Tables;

/// <summary>
/// Makes the notebook kernel show a <see cref="DataFrame"/> as an HTML table with a static SVG twin and
/// aligned plain text, instead of its default object tree.
/// </summary>
/// <remarks>
/// Registered with .NET Interactive's <c>Formatter</c>, which VS Code's Polyglot kernel, the Jupyter kernel and
/// an in-process <c>CSharpKernel</c> all format displayed values with. It happens by itself when a notebook
/// first touches this library inside a kernel (a module initializer); call <see cref="Register"/> yourself
/// only after something reset the kernel's formatters.
/// </remarks>
public static class DataFrameFormatters
{
    /// <summary>The MIME types a displayed table carries, in the order front ends should prefer them.</summary>
    public static IReadOnlyList<string> MimeTypes => [.. Formatters.Select(f => f.Key)];

    private static KeyValuePair<string, Action<object, TextWriter>>[] Formatters { get; } =
    [
        new(KernelFormatting.Html, (value, writer) => writer.Write(((DataFrame)value).ToHtml())),
        new(KernelFormatting.Svg, (value, writer) => writer.Write(((DataFrame)value).ToSvg())),
        new(KernelFormatting.PlainText, (value, writer) => writer.Write(((DataFrame)value).ToPlainText())),
        new(FigureLabel.MimeType, (value, writer) => writer.Write(FigureLabels.Of(value).ToJson())),
    ];

    /// <summary>Registers the table formatters with the kernel's <c>Formatter</c>; calling it again is harmless.</summary>
    /// <returns>False when this process hosts no kernel (nothing to register with).</returns>
    public static bool Register() => KernelFormatting.TryRegister(typeof(DataFrame), Formatters);
}
