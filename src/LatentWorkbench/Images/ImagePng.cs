using LatentWorkbench.Common;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace LatentWorkbench.Images;

/// <summary>PNG encoding of the images we build (ImageSharp's encoder), to bytes, data URIs and files.</summary>
/// <remarks>
/// Only encoding: ImageSharp 2.1 has reported flaws with crafted input files, so the workbench never decodes
/// an image it did not make itself.
/// </remarks>
public static class ImagePng
{
    private static readonly PngEncoder Gray = new() { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 };

    /// <summary>The image as PNG bytes: 8-bit grayscale for <see cref="L8"/> images, ImageSharp's choice otherwise.</summary>
    public static byte[] ToPngBytes(this Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var stream = new MemoryStream();
        image.Save(stream, image is Image<L8> ? Gray : new PngEncoder());
        return stream.ToArray();
    }

    /// <summary>
    /// The PNG a report takes: for a grid from <see cref="GridImage"/>, its title, row and column labels and captions
    /// drawn into the pixels (a 5 × 7 pixel font, scaled like the digits); any other image as <see cref="ToPngBytes"/>.
    /// </summary>
    public static byte[] ToLabelledPngBytes(this Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var labelled = GridImageLabels.Draw(image);
        return labelled is null ? image.ToPngBytes() : labelled.ToPngBytes();
    }

    /// <summary>A <c>data:image/png;base64,…</c> URI of the image, for HTML and SVG.</summary>
    public static string ToPngDataUri(this Image image) => "data:image/png;base64," + Convert.ToBase64String(image.ToPngBytes());

    /// <summary>Writes the image as a PNG file through a temp file and a rename (a failed write leaves no half file).</summary>
    /// <returns>The full path written.</returns>
    public static string WritePng(this Image image, string path)
    {
        AtomicFile.WriteAllBytes(path, image.ToPngBytes());
        return Path.GetFullPath(path);
    }
}
