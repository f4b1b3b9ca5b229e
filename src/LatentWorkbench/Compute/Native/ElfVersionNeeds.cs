using System.Buffers.Binary;
using System.Text;

namespace LatentWorkbench.Compute.Native;

/// <summary>
/// Reads and edits the version requirements (<c>.gnu.version_r</c>, <c>SHT_GNU_verneed</c>) of a 64-bit
/// little-endian ELF shared library: which symbol versions it needs from which library, and whether each need
/// is weak.
/// </summary>
/// <remarks>
/// Layout (System V gABI, GNU symbol versioning): the section is a chain of <c>Elf64_Verneed</c> records
/// (<c>vn_version</c> u16, <c>vn_cnt</c> u16, <c>vn_file</c> u32, <c>vn_aux</c> u32, <c>vn_next</c> u32), each
/// followed through <c>vn_aux</c> by a chain of <c>Elf64_Vernaux</c> records (<c>vna_hash</c> u32,
/// <c>vna_flags</c> u16, <c>vna_other</c> u16, <c>vna_name</c> u32, <c>vna_next</c> u32). Names are offsets into
/// the string table that the section's <c>sh_link</c> names. A need with <c>VER_FLG_WEAK</c> (0x2) set does not
/// stop the dynamic loader when the providing library lacks that version; it only matters for symbols that are
/// bound at that version, and <c>docs/torchsharp.md</c> explains why the one we mark has none.
/// </remarks>
internal static class ElfVersionNeeds
{
    /// <summary><c>VER_FLG_WEAK</c> from <c>elf.h</c>.</summary>
    public const ushort WeakFlag = 0x2;

    private const uint ShtGnuVerneed = 0x6ffffffe;
    private static ReadOnlySpan<byte> Magic => [0x7f, (byte)'E', (byte)'L', (byte)'F'];

    /// <summary>One version that the file needs from one library, where its flags sit in the file.</summary>
    /// <param name="Library">The providing library's file name (e.g. <c>libstdc++.so.6</c>).</param>
    /// <param name="Version">The version name (e.g. <c>GLIBCXX_3.4.32</c>).</param>
    /// <param name="Flags">The <c>vna_flags</c> field.</param>
    /// <param name="FlagsOffset">Byte offset of <c>vna_flags</c> in the file.</param>
    public readonly record struct Need(string Library, string Version, ushort Flags, long FlagsOffset)
    {
        /// <summary>Whether <c>VER_FLG_WEAK</c> is set.</summary>
        public bool IsWeak => (Flags & WeakFlag) != 0;
    }

    /// <summary>Every version need in the ELF image <paramref name="image"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed 64-bit little-endian ELF file.</exception>
    public static IReadOnlyList<Need> Read(ReadOnlySpan<byte> image, string fileName)
    {
        if (image.Length < 64 || !image[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{fileName}' is not an ELF file.");
        }

        if (image[4] != 2 || image[5] != 1)
        {
            throw new InvalidDataException($"'{fileName}' is not a 64-bit little-endian ELF file (class {image[4]}, data {image[5]}).");
        }

        long sectionTable = (long)U64(image, 0x28, fileName);
        int sectionSize = U16(image, 0x3A, fileName);
        int sectionCount = U16(image, 0x3C, fileName);
        var needs = new List<Need>();
        for (int i = 0; i < sectionCount; i++)
        {
            long header = sectionTable + ((long)i * sectionSize);
            if (U32(image, header + 4, fileName) != ShtGnuVerneed)
            {
                continue;
            }

            long offset = (long)U64(image, header + 0x18, fileName);
            uint link = U32(image, header + 0x28, fileName);
            long linked = sectionTable + ((long)link * sectionSize);
            long strings = (long)U64(image, linked + 0x18, fileName);
            ReadChain(image, offset, strings, needs, fileName);
        }

        return needs;
    }

    /// <summary>
    /// Sets <c>VER_FLG_WEAK</c> on the need for <paramref name="version"/> from <paramref name="library"/> in
    /// <paramref name="image"/>, in place. Returns false when the image has no such need.
    /// </summary>
    public static bool MarkWeak(Span<byte> image, string library, string version, string fileName)
    {
        var need = Read(image, fileName).FirstOrDefault(n => n.Library == library && n.Version == version);
        if (need.Library is null)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(image[(int)need.FlagsOffset..], (ushort)(need.Flags | WeakFlag));
        return true;
    }

    private static void ReadChain(ReadOnlySpan<byte> image, long start, long strings, List<Need> needs, string fileName)
    {
        long verneed = start;
        for (int guard = 0; guard < 4096; guard++)
        {
            int count = U16(image, verneed + 2, fileName);
            string library = CString(image, strings + U32(image, verneed + 4, fileName), fileName);
            long aux = verneed + U32(image, verneed + 8, fileName);
            for (int j = 0; j < count; j++)
            {
                ushort flags = U16(image, aux + 4, fileName);
                string name = CString(image, strings + U32(image, aux + 8, fileName), fileName);
                needs.Add(new Need(library, name, flags, aux + 4));
                uint nextAux = U32(image, aux + 12, fileName);
                if (nextAux == 0)
                {
                    break;
                }

                aux += nextAux;
            }

            uint next = U32(image, verneed + 12, fileName);
            if (next == 0)
            {
                return;
            }

            verneed += next;
        }

        throw new InvalidDataException($"'{fileName}': the version-need chain does not end.");
    }

    private static ReadOnlySpan<byte> At(ReadOnlySpan<byte> image, long offset, int length, string fileName) =>
        offset >= 0 && offset + length <= image.Length
            ? image.Slice((int)offset, length)
            : throw new InvalidDataException($"'{fileName}' is truncated or malformed: offset {offset} is outside its {image.Length} bytes.");

    private static ushort U16(ReadOnlySpan<byte> image, long offset, string fileName) =>
        BinaryPrimitives.ReadUInt16LittleEndian(At(image, offset, 2, fileName));

    private static uint U32(ReadOnlySpan<byte> image, long offset, string fileName) =>
        BinaryPrimitives.ReadUInt32LittleEndian(At(image, offset, 4, fileName));

    private static ulong U64(ReadOnlySpan<byte> image, long offset, string fileName) =>
        BinaryPrimitives.ReadUInt64LittleEndian(At(image, offset, 8, fileName));

    private static string CString(ReadOnlySpan<byte> image, long offset, string fileName)
    {
        var rest = At(image, offset, (int)Math.Min(256, image.Length - offset), fileName);
        int end = rest.IndexOf((byte)0);
        return end < 0
            ? throw new InvalidDataException($"'{fileName}': unterminated string at offset {offset}.")
            : Encoding.ASCII.GetString(rest[..end]);
    }
}
