using System.IO.Compression;

namespace LatentWorkbench.Tests.Figures;

/// <summary>
/// A PNG decoder written for the tests only, sharing no code with the library's encoder: it checks the
/// signature and every chunk's CRC-32 (computed bit by bit, no table), inflates IDAT with ZLibStream and
/// undoes all five scanline filters, for 8-bit gray, RGB and RGBA non-interlaced images (what our encoder
/// and Chromium write).
/// </summary>
internal static class IndependentPngDecoder
{
    public sealed record Image(int Width, int Height, int Channels, byte[] Pixels)
    {
        public ReadOnlySpan<byte> Pixel(int x, int y) => Pixels.AsSpan(((y * Width) + x) * Channels, Channels);
    }

    public static Image Decode(byte[] png)
    {
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (!png.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("not a PNG signature");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        int offset = 8;
        bool ended = false;
        while (!ended)
        {
            int length = ReadInt(png, offset);
            string type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var typeAndData = png.AsSpan(offset + 4, 4 + length);
            uint stored = (uint)ReadInt(png, offset + 8 + length);
            if (BitwiseCrc(typeAndData) != stored)
            {
                throw new InvalidDataException($"CRC mismatch in chunk {type}");
            }

            var data = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = ReadInt(png, offset + 8);
                    height = ReadInt(png, offset + 12);
                    if (data[8] != 8 || data[12] != 0)
                    {
                        throw new InvalidDataException("only 8-bit non-interlaced images are supported");
                    }

                    channels = data[9] switch
                    {
                        0 => 1,
                        2 => 3,
                        6 => 4,
                        var other => throw new InvalidDataException($"colour type {other} not supported"),
                    };
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return new Image(width, height, channels, Unfilter(raw.ToArray(), width, height, channels));
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        int stride = width * bpp;
        if (raw.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"inflated {raw.Length} bytes, expected {height * (stride + 1)}");
        }

        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            for (int i = 0; i < stride; i++)
            {
                int x = raw[(y * (stride + 1)) + 1 + i];
                int a = i >= bpp ? pixels[(y * stride) + i - bpp] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                int c = i >= bpp && y > 0 ? pixels[((y - 1) * stride) + i - bpp] : 0;
                int predicted = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"unknown filter {filter}"),
                };
                pixels[(y * stride) + i] = (byte)(x + predicted);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static int ReadInt(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];

    internal static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte value in data)
        {
            crc ^= value;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320 & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }
}
