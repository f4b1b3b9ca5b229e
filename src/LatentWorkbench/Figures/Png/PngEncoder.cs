using System.Buffers.Binary;
using System.IO.Compression;

namespace LatentWorkbench.Figures.Png;

/// <summary>A minimal PNG writer: 8-bit grayscale or RGB, one IDAT chunk, zlib-compressed scanlines.</summary>
/// <remarks>
/// Layout (PNG spec, ISO/IEC 15948): the 8-byte signature, then chunks of (length, type, data, CRC-32 of
/// type + data): IHDR (width, height, bit depth 8, colour type 0 = gray or 2 = RGB, compression 0,
/// filter 0, interlace 0), IDAT (zlib stream of the scanlines, each prefixed by filter byte 0 = None), IEND.
/// Filter None keeps the writer simple and the bytes deterministic; digits compress well regardless.
/// </remarks>
public static class PngEncoder
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Encodes a grayscale image, row-major, one byte per pixel (0 black, 255 white).</summary>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> does not hold width × height bytes.</exception>
    public static byte[] EncodeGray(ReadOnlySpan<byte> pixels, int width, int height) => Encode(pixels, width, height, 1);

    /// <summary>Encodes an RGB image, row-major, three bytes per pixel (R, G, B).</summary>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> does not hold width × height × 3 bytes.</exception>
    public static byte[] EncodeRgb(ReadOnlySpan<byte> pixels, int width, int height) => Encode(pixels, width, height, 3);

    private static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        long expected = (long)width * height * channels;
        if (pixels.Length != expected)
        {
            throw new ArgumentException($"pixels has {pixels.Length} bytes; a {width}×{height} image with {channels} channel(s) needs {expected}.", nameof(pixels));
        }

        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;
        header[9] = (byte)(channels == 1 ? 0 : 2);
        header[10] = header[11] = header[12] = 0;
        WriteChunk(output, "IHDR"u8, header);

        int stride = width * channels;
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (int row = 0; row < height; row++)
                {
                    zlib.WriteByte(0);
                    zlib.Write(pixels.Slice(row * stride, stride));
                }
            }

            WriteChunk(output, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }

        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Append(0, type), data));
        output.Write(word);
    }
}
