using LatentWorkbench.Compute.Native;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Compute.Native;

public sealed class ElfVersionNeedsTests
{
    private static byte[] TwoLibraries() => SyntheticElf.Build(
        new SyntheticElf.Library("libm.so.6", ("GLIBC_2.2.5", 0), ("GLIBC_2.29", 0)),
        new SyntheticElf.Library("libstdc++.so.6", ("GLIBCXX_3.4.30", 0), ("GLIBCXX_3.4.32", 0), ("CXXABI_1.3", 0)));

    [Fact]
    public void Reads_Every_Need_Across_Libraries_In_File_Order()
    {
        var needs = ElfVersionNeeds.Read(TwoLibraries(), "synthetic.so");
        Assert.Equal(
            ["libm.so.6 GLIBC_2.2.5", "libm.so.6 GLIBC_2.29", "libstdc++.so.6 GLIBCXX_3.4.30", "libstdc++.so.6 GLIBCXX_3.4.32", "libstdc++.so.6 CXXABI_1.3"],
            needs.Select(n => $"{n.Library} {n.Version}"));
        Assert.All(needs, n => Assert.False(n.IsWeak));
    }

    [Fact]
    public void MarkWeak_Changes_Only_The_Flags_Of_That_One_Need()
    {
        byte[] original = TwoLibraries();
        byte[] patched = (byte[])original.Clone();
        Assert.True(ElfVersionNeeds.MarkWeak(patched, "libstdc++.so.6", "GLIBCXX_3.4.32", "synthetic.so"));

        var needs = ElfVersionNeeds.Read(patched, "synthetic.so");
        Assert.Equal(["libstdc++.so.6 GLIBCXX_3.4.32"], needs.Where(n => n.IsWeak).Select(n => $"{n.Library} {n.Version}"));
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        long flagsOffset = needs.Single(n => n.IsWeak).FlagsOffset;
        Assert.Equal([(int)flagsOffset], changed);
        Assert.Equal(ElfVersionNeeds.WeakFlag, patched[flagsOffset]);
    }

    [Fact]
    public void MarkWeak_Keeps_Other_Flag_Bits_And_Reports_A_Missing_Need()
    {
        byte[] image = SyntheticElf.Build(new SyntheticElf.Library("libstdc++.so.6", ("GLIBCXX_3.4.32", 0x1)));
        Assert.False(ElfVersionNeeds.MarkWeak(image, "libstdc++.so.6", "GLIBCXX_3.4.99", "x.so"));
        Assert.False(ElfVersionNeeds.MarkWeak(image, "libc.so.6", "GLIBCXX_3.4.32", "x.so"));
        Assert.True(ElfVersionNeeds.MarkWeak(image, "libstdc++.so.6", "GLIBCXX_3.4.32", "x.so"));
        Assert.Equal(0x3, ElfVersionNeeds.Read(image, "x.so").Single().Flags);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(63)]
    public void A_File_Too_Short_For_A_Header_Is_Not_Elf(int length)
    {
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(new byte[length], "tiny.so"));
        Assert.Contains("'tiny.so' is not an ELF file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_32_Bit_Or_Big_Endian_File_Is_Refused_By_Name()
    {
        byte[] image = TwoLibraries();
        image[4] = 1;
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(image, "old.so"));
        Assert.Contains("'old.so' is not a 64-bit little-endian ELF file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Truncated_File_Says_Which_Offset_Is_Outside_It()
    {
        byte[] image = TwoLibraries();
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(image.AsSpan(0, image.Length - 40), "cut.so"));
        Assert.Contains("'cut.so' is truncated or malformed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Shipped_TorchSharp_Native_Needs_Glibcxx_3_4_32_Strongly()
    {
        var needs = ElfVersionNeeds.Read(File.ReadAllBytes(TorchSharpNatives.PackageCopy), TorchSharpNatives.PackageCopy);
        var need = Assert.Single(needs, n => n.Version == LibStdCxxCompat.Version);
        Assert.Equal(LibStdCxxCompat.Provider, need.Library);
        Assert.False(need.IsWeak);
    }
}
