using System.Buffers.Binary;

namespace LatentWorkbench.Data;

/// <summary>
/// Reads the IDX format that MNIST ships in (big-endian; see ../shared/specs/data.md).
/// </summary>
/// <remarks>
/// Layout: two zero bytes, an element-type byte (0x08 = unsigned byte), a dimension-count byte,
/// one big-endian int32 per dimension, then the elements row-major. Every malformed case is
/// rejected with an <see cref="InvalidDataException"/> that names the file and the problem.
/// </remarks>
public static class IdxReader
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
            throw new FileNotFoundException($"MNIST file '{path}' does not exist. Run `workbench data fetch` to download it.", path);
        }

        return Parse(path, File.ReadAllBytes(path), expectedMagic);
    }

    /// <summary>Parses IDX bytes; <paramref name="path"/> only names the source in errors.</summary>
    public static IdxFile Parse(string path, byte[] bytes, int expectedMagic)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 4)
        {
            throw Malformed(path, $"it is {bytes.Length} bytes long, shorter than the 4-byte IDX magic number");
        }

        int magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic != expectedMagic)
        {
            throw Malformed(path, $"magic number is 0x{magic:X8}, expected 0x{expectedMagic:X8} ({Describe(expectedMagic)})");
        }

        int dimensionCount = expectedMagic & 0xFF;
        int headerLength = 4 + (4 * dimensionCount);
        if (bytes.Length < headerLength)
        {
            throw Malformed(path, $"it is {bytes.Length} bytes long, shorter than its {headerLength}-byte header (truncated)");
        }

        var dimensions = new int[dimensionCount];
        long expectedElements = 1;
        for (int i = 0; i < dimensionCount; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + (4 * i)));
            if (dimensions[i] < 0)
            {
                throw Malformed(path, $"dimension {i} has negative size {dimensions[i]}");
            }

            expectedElements *= dimensions[i];
        }

        long expectedLength = headerLength + expectedElements;
        if (bytes.Length != expectedLength)
        {
            string what = bytes.Length < expectedLength ? "truncated" : "padded";
            throw Malformed(
                path,
                $"the header declares dimensions [{string.Join(", ", dimensions)}], so the file should be {expectedLength} bytes, but it is {bytes.Length} bytes ({what})");
        }

        return new IdxFile(path, dimensions, bytes[headerLength..]);
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
