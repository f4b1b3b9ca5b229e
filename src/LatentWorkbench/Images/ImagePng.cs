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

    /// <summary>A <c>data:image/png;base64,…</c> URI of the image, for HTML and SVG.</summary>
    public static string ToPngDataUri(this Image image) => "data:image/png;base64," + Convert.ToBase64String(image.ToPngBytes());

    /// <summary>Writes the image as a PNG file through a temp file and a rename (a failed write leaves no half file).</summary>
    /// <returns>The full path written.</returns>
    public static string WritePng(this Image image, string path)
    {
        AtomicFile.WriteAllBytes(path, image.ToPngBytes());
        return Path.GetFullPath(path);
    }

    /// <summary>Encodes row-major gray bytes (<paramref name="width"/> × <paramref name="height"/>) as an 8-bit grayscale PNG.</summary>
    /// <exception cref="ArgumentException">The byte count is not width × height.</exception>
    public static byte[] EncodeGray(ReadOnlySpan<byte> gray, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (gray.Length != (long)width * height)
        {
            throw new ArgumentException($"gray has {gray.Length} bytes but a {width}×{height} image needs {(long)width * height}.", nameof(gray));
        }

        using var image = Image.LoadPixelData<L8>(gray, width, height);
        return image.ToPngBytes();
    }
}
