using System.Buffers.Binary;

namespace LatentWorkbench.Data;

/// <summary>
/// Reads the IDX format that MNIST ships in (big-endian; the sizes and SHA-256 of the four files are in data/README.md).
/// </summary>
/// <remarks>
/// Layout: two zero bytes, an element-type byte (0x08 = unsigned byte), a dimension-count byte,
/// one big-endian int32 per dimension, then the elements row-major. Every malformed case is
/// rejected with an <see cref="InvalidDataException"/> that names the file and the problem.
/// </remarks>
internal static class IdxReader
{
    /// <summary>Magic number of an image file: unsigned bytes, three dimensions.</summary>
    public const int ImageMagic = 0x00000803;

    /// <summary>Magic number of a label file: unsigned bytes, one dimension.</summary>
    public const int LabelMagic = 0x00000801;

    /// <summary>Reads and validates an IDX file whose magic number must be <paramref name="expectedMagic"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header or length is not a valid IDX file of the expected kind.</exception>
    public static IdxFile Read(string path, int expectedMagic)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"MNIST file '{path}' does not exist. Run `{MnistVerification.FetchCommand}` to download it.", path);
        }

        // Read the header first, then the elements straight into their own array: no second 47 MB copy.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var header = new byte[Math.Min(stream.Length, 4 + (4 * 255))];
        stream.ReadExactly(header);
        int headerLength = ValidateHeader(path, header, stream.Length, expectedMagic, out int[] dimensions);
        var elements = new byte[stream.Length - headerLength];
        stream.Position = headerLength;
        stream.ReadExactly(elements);
        return new IdxFile(path, dimensions, elements);
    }

    /// <summary>Parses IDX bytes; <paramref name="path"/> only names the source in errors.</summary>
    public static IdxFile Parse(string path, byte[] bytes, int expectedMagic)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        int headerLength = ValidateHeader(path, bytes, bytes.Length, expectedMagic, out int[] dimensions);
        return new IdxFile(path, dimensions, bytes[headerLength..]);
    }

    /// <summary>Checks magic number, dimensions and total length; returns the header length.</summary>
    /// <param name="path">Names the file in errors.</param>
    /// <param name="header">At least the first bytes of the file (all of the header when the file is long enough).</param>
    /// <param name="fileLength">The whole file's length in bytes.</param>
    /// <param name="expectedMagic">The magic number the file must start with.</param>
    /// <param name="dimensions">The sizes declared by the header.</param>
    private static int ValidateHeader(string path, ReadOnlySpan<byte> header, long fileLength, int expectedMagic, out int[] dimensions)
    {
        if (fileLength < 4)
        {
            throw Malformed(path, $"it is {fileLength} bytes long, shorter than the 4-byte IDX magic number");
        }

        int magic = BinaryPrimitives.ReadInt32BigEndian(header);
        if (magic != expectedMagic)
        {
            throw Malformed(path, $"magic number is 0x{magic:X8}, expected 0x{expectedMagic:X8} ({Describe(expectedMagic)})");
        }

        int dimensionCount = expectedMagic & 0xFF;
        int headerLength = 4 + (4 * dimensionCount);
        if (fileLength < headerLength)
        {
            throw Malformed(path, $"it is {fileLength} bytes long, shorter than its {headerLength}-byte header (truncated)");
        }

        dimensions = new int[dimensionCount];
        long expectedElements = 1;
        for (int i = 0; i < dimensionCount; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(header[(4 + (4 * i))..]);
            if (dimensions[i] < 0)
            {
                throw Malformed(path, $"dimension {i} has negative size {dimensions[i]}");
            }

            expectedElements *= dimensions[i];
        }

        long expectedLength = headerLength + expectedElements;
        if (fileLength != expectedLength)
        {
            string what = fileLength < expectedLength ? "truncated" : "padded";
            throw Malformed(
                path,
                $"the header declares dimensions [{string.Join(", ", dimensions)}], so the file should be {expectedLength} bytes, but it is {fileLength} bytes ({what})");
        }

        return headerLength;
    }

    private static string Describe(int magic) => magic switch
    {
        ImageMagic => "an image file: unsigned bytes, 3 dimensions",
        LabelMagic => "a label file: unsigned bytes, 1 dimension",
        _ => "unsigned bytes",
    };

    private static InvalidDataException Malformed(string path, string problem) =>
        new($"MNIST file '{path}' is not a valid IDX file: {problem}.");
}
