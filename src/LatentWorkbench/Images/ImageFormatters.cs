using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LatentWorkbench.Common;
using LatentWorkbench.Figures;
using SixLabors.ImageSharp;

namespace LatentWorkbench.Images;

/// <summary>
/// Makes the notebook kernel show an ImageSharp <see cref="Image"/> as a picture: <c>image/png</c> (base64 in the
/// notebook), <c>text/html</c> (the same PNG in an <c>&lt;img&gt;</c>, with a grid's title and labels as text),
/// <c>image/svg+xml</c> (the PNG with the title and labels as SVG text, what the runner exports as the figure's SVG)
/// and the figure's label (<see cref="FigureLabel.MimeType"/>).
/// </summary>
/// <remarks>
/// Why both: <c>image/png</c> is the form every front end and converter shows without running anything (GitHub's
/// viewer, nbconvert, exported reports), but it cannot carry the labels, which ImageSharp cannot draw into the
/// pixels without ImageSharp.Drawing (not available here); the HTML adds them as text and is what VS Code and
/// Jupyter show first. The PNG bytes are the same in both. Registered like <see cref="Tables.DataFrameFormatters"/>:
/// by a module initializer inside a kernel, or by <see cref="Register"/>.
/// </remarks>
public static class ImageFormatters
{
    /// <summary>The MIME types a displayed image carries, in the order front ends should prefer them.</summary>
    public static IReadOnlyList<string> MimeTypes => [.. Formatters.Select(f => f.Key)];

    private static KeyValuePair<string, Action<object, TextWriter>>[] Formatters { get; } =
    [
        new(KernelFormatting.Png, (value, writer) => writer.Write(Convert.ToBase64String(((Image)value).ToPngBytes()))),
        new(KernelFormatting.Html, (value, writer) => writer.Write(((Image)value).ToHtml())),
        new(KernelFormatting.Svg, (value, writer) => writer.Write(((Image)value).ToSvg())),
        new(FigureLabel.MimeType, (value, writer) => writer.Write(FigureLabels.Of(value).ToJson())),
    ];

    /// <summary>Registers the image formatters (for every pixel type) with the kernel's <c>Formatter</c>; calling it again is harmless.</summary>
    /// <returns>False when this process hosts no kernel (nothing to register with).</returns>
    public static bool Register() => KernelFormatting.TryRegister(typeof(Image), Formatters);
}
