using System.Buffers.Binary;
using System.Text;

namespace LatentWorkbench.Tests.Compute;

/// <summary>
/// Builds a minimal 64-bit little-endian ELF image: a null section, a string table and a
/// <c>.gnu.version_r</c> whose needs are given, so the reader and patcher are tested on known bytes.
/// </summary>
internal static class SyntheticElf
{
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;

    /// <summary>One library and the versions it is needed at, each with its flags.</summary>
    public sealed record Library(string Name, params (string Version, ushort Flags)[] Versions);

    public static byte[] Build(params Library[] libraries)
    {
        var strings = new List<byte> { 0 };
        int Add(string s)
        {
            int offset = strings.Count;
            strings.AddRange(Encoding.ASCII.GetBytes(s));
            strings.Add(0);
            return offset;
        }

        var verneed = new List<byte>();
        for (int i = 0; i < libraries.Length; i++)
        {
            var library = libraries[i];
            int auxCount = library.Versions.Length;
            int recordSize = 16 + (16 * auxCount);
            var record = new byte[recordSize];
            BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(0), 1);
            BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(2), (ushort)auxCount);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), (uint)Add(library.Name));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), 16);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), i == libraries.Length - 1 ? 0u : (uint)recordSize);
            for (int j = 0; j < auxCount; j++)
            {
                var aux = record.AsSpan(16 + (16 * j));
                var (version, flags) = library.Versions[j];
                BinaryPrimitives.WriteUInt32LittleEndian(aux, (uint)version.GetHashCode(StringComparison.Ordinal));
                BinaryPrimitives.WriteUInt16LittleEndian(aux[4..], flags);
                BinaryPrimitives.WriteUInt16LittleEndian(aux[6..], (ushort)(2 + j));
                BinaryPrimitives.WriteUInt32LittleEndian(aux[8..], (uint)Add(version));
                BinaryPrimitives.WriteUInt32LittleEndian(aux[12..], j == auxCount - 1 ? 0u : 16u);
            }

            verneed.AddRange(record);
        }

        int stringsOffset = HeaderSize;
        int verneedOffset = stringsOffset + strings.Count;
        int sectionTable = verneedOffset + verneed.Count;
        var image = new byte[sectionTable + (3 * SectionHeaderSize)];
        "\u007fELF"u8.CopyTo(image);
        image[4] = 2; // ELFCLASS64
        image[5] = 1; // little-endian
        image[6] = 1;
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(0x28), (ulong)sectionTable);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3A), SectionHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3C), 3);
        strings.ToArray().CopyTo(image, stringsOffset);
        verneed.ToArray().CopyTo(image, verneedOffset);
        WriteSection(image, sectionTable + SectionHeaderSize, type: 3, offset: stringsOffset, size: strings.Count, link: 0);
        WriteSection(image, sectionTable + (2 * SectionHeaderSize), type: 0x6ffffffe, offset: verneedOffset, size: verneed.Count, link: 1);
        return image;
    }

    private static void WriteSection(byte[] image, int at, uint type, int offset, int size, uint link)
    {
        var header = image.AsSpan(at, SectionHeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], type);
        BinaryPrimitives.WriteUInt64LittleEndian(header[0x18..], (ulong)offset);
        BinaryPrimitives.WriteUInt64LittleEndian(header[0x20..], (ulong)size);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x28..], link);
    }
}
