using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LatentWorkbench.Common;
using LatentWorkbench.Figures;
using SixLabors.ImageSharp;

namespace LatentWorkbench.Images;

/// <summary>
/// Makes the notebook kernel show an ImageSharp <see cref="Image"/> as a picture, with a grid's title and labels in every
/// representation: <c>image/png</c> (base64 in the notebook; a grid's labels drawn into the pixels,
/// <see cref="ImagePng.ToLabelledPngBytes"/>), <c>text/html</c> (the unlabelled PNG in an <c>&lt;img&gt;</c> with the
/// labels as crisp text), <c>image/svg+xml</c> (the same with SVG text) and the figure's label
/// (<see cref="FigureLabel.MimeType"/>: id, title, caption).
/// </summary>
/// <remarks>
/// Why several: front ends pick one representation each (VS Code and Jupyter the HTML, GitHub's viewer and converters
/// an image), and the notebook runner exports the PNG and the SVG as files for reports; whichever is picked shows which
/// row is which. Registered like <see cref="Tables.DataFrameFormatters"/>: by a module initializer inside a kernel, or
/// by <see cref="Register"/>.
/// </remarks>
public static class ImageFormatters
{
    /// <summary>The MIME types a displayed image carries, in the order front ends should prefer them.</summary>
    public static IReadOnlyList<string> MimeTypes => [.. Formatters.Select(f => f.Key)];

    private static KeyValuePair<string, Action<object, TextWriter>>[] Formatters { get; } =
    [
        new(KernelFormatting.Png, (value, writer) => writer.Write(Convert.ToBase64String(((Image)value).ToLabelledPngBytes()))),
        new(KernelFormatting.Html, (value, writer) => writer.Write(((Image)value).ToHtml())),
        new(KernelFormatting.Svg, (value, writer) => writer.Write(((Image)value).ToSvg())),
        new(FigureLabel.MimeType, (value, writer) => writer.Write(FigureLabels.Of(value).ToJson())),
    ];

    /// <summary>Registers the image formatters (for every pixel type) with the kernel's <c>Formatter</c>; calling it again is harmless.</summary>
    /// <returns>False when this process hosts no kernel (nothing to register with).</returns>
    public static bool Register() => KernelFormatting.TryRegister(typeof(Image), Formatters);
}
