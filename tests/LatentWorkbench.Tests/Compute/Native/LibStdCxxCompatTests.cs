using System.Security.Cryptography;
using LatentWorkbench.Compute.Native;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Compute.Native;

public sealed class LibStdCxxCompatTests
{
    [Fact]
    public void Patching_A_Copy_Marks_Only_That_Need_Weak_And_Is_Idempotent()
    {
        using var temp = new TempDirectory();
        string copy = temp.File("libLibTorchSharp.so");
        File.Copy(TorchSharpNatives.PackageCopy, copy);
        string packageHash = Hash(TorchSharpNatives.PackageCopy);

        Assert.Equal(LibStdCxxCompat.Outcome.Patched, LibStdCxxCompat.Apply(copy));
        Assert.Equal(LibStdCxxCompat.Outcome.AlreadyWeak, LibStdCxxCompat.Apply(copy));

        var before = ElfVersionNeeds.Read(File.ReadAllBytes(TorchSharpNatives.PackageCopy), "package");
        var after = ElfVersionNeeds.Read(File.ReadAllBytes(copy), "copy");
        Assert.Equal(before.Select(n => (n.Library, n.Version)), after.Select(n => (n.Library, n.Version)));
        Assert.Equal([LibStdCxxCompat.Version], after.Where(n => n.IsWeak && !before.Single(b => b.FlagsOffset == n.FlagsOffset).IsWeak).Select(n => n.Version));
        Assert.Equal(new FileInfo(TorchSharpNatives.PackageCopy).Length, new FileInfo(copy).Length);
        Assert.Equal(packageHash, Hash(TorchSharpNatives.PackageCopy));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void Patching_Through_A_Hard_Link_Replaces_The_Link_And_Leaves_The_Original_Alone()
    {
        using var temp = new TempDirectory();
        string original = temp.File("original.so");
        string linked = temp.File("linked.so");
        File.Copy(TorchSharpNatives.PackageCopy, original);
        HardLink(original, linked);
        string originalHash = Hash(original);

        Assert.Equal(LibStdCxxCompat.Outcome.Patched, LibStdCxxCompat.Apply(linked));

        Assert.Equal(originalHash, Hash(original));
        Assert.NotEqual(originalHash, Hash(linked));
    }

    [Fact]
    public void A_File_Without_That_Need_Is_Left_Alone()
    {
        using var temp = new TempDirectory();
        string path = temp.File("other.so");
        File.WriteAllBytes(path, SyntheticElf.Build(new SyntheticElf.Library("libstdc++.so.6", ("GLIBCXX_3.4.30", 0))));
        string hash = Hash(path);
        Assert.Equal(LibStdCxxCompat.Outcome.NoSuchNeed, LibStdCxxCompat.Apply(path));
        Assert.Equal(hash, Hash(path));
    }

    [Fact]
    public void The_NuGet_Cache_Is_Never_Patched()
    {
        var e = Assert.Throws<InvalidOperationException>(() => LibStdCxxCompat.Apply(TorchSharpNatives.PackageCopy));
        Assert.Contains("inside the NuGet package cache", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Test_Hosts_Copy_Is_Fixed_Exactly_When_The_System_Lacks_The_Version()
    {
        LatentWorkbench.Compute.TorchRuntime.EnsureInitialized();
        string hostCopy = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        var need = ElfVersionNeeds.Read(File.ReadAllBytes(hostCopy), hostCopy).Single(n => n.Version == LibStdCxxCompat.Version);
        if (LibStdCxxCompat.SystemProvidesVersion())
        {
            Assert.Contains(LatentWorkbench.Compute.TorchRuntime.FixLog, l => l.Contains("no fix needed", StringComparison.Ordinal));
        }
        else
        {
            Assert.True(need.IsWeak, $"{hostCopy} should have been patched: {string.Join("; ", LatentWorkbench.Compute.TorchRuntime.FixLog)}");
        }
    }

    private static void HardLink(string existing, string link)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [existing, link])!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
