using LatentWorkbench.Common;

namespace LatentWorkbench.Figures.Explorer;

/// <summary>
/// Makes the kernel show a <see cref="LatentExplorer"/> as <c>text/html</c> (the interactive explorer), <c>image/svg+xml</c>
/// (its static twin) and the figure's label (id, title, caption), like every figure; the notebook runner exports the
/// HTML as a standalone page and the SVG beside it. Registered by the library's module initializer
/// (<see cref="KernelFormatting"/>).
/// </summary>
public static class ExplorerFormatters
{
    private static KeyValuePair<string, Action<object, TextWriter>>[] Formatters { get; } =
    [
        new(KernelFormatting.Html, (value, writer) => writer.Write(((LatentExplorer)value).ToHtml())),
        new(KernelFormatting.Svg, (value, writer) => writer.Write(((LatentExplorer)value).ToSvg())),
        new(FigureLabel.MimeType, (value, writer) => writer.Write(FigureLabels.Of(value).ToJson())),
    ];

    /// <summary>Registers the formatters with the kernel's <c>Formatter</c>; calling it again is harmless.</summary>
    /// <returns>False when this process hosts no kernel.</returns>
    public static bool Register() => KernelFormatting.TryRegister(typeof(LatentExplorer), Formatters);
}
