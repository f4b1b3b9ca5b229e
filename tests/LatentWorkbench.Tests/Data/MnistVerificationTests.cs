using LatentWorkbench.Data;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Data;

/// <summary>Loading checks every file against its published SHA-256, and remembers unchanged files.</summary>
[Collection(MnistCollection.Name)]
public sealed class MnistVerificationTests(MnistFixture mnist) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string CopyOfMnist()
    {
        _ = mnist.Data;
        foreach (var file in MnistFile.All)
        {
            File.Copy(Path.Combine(MnistFixture.Directory, file.Name), _temp.File(file.Name));
        }

        return _temp.Path;
    }

    /// <summary>Overwrites bytes in place, size unchanged; the write time moves on as any real write's does.</summary>
    private static void Corrupt(string path, bool restoreTimestamp = false)
    {
        var stamp = File.GetLastWriteTimeUtc(path);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        // Set explicitly so the test does not depend on the file system's timestamp resolution.
        File.SetLastWriteTimeUtc(path, restoreTimestamp ? stamp : stamp.AddSeconds(1));
    }

    [Fact]
    public void A_Same_Size_Corruption_Is_Reported_On_Load_Naming_The_File_And_The_Fix()
    {
        string directory = CopyOfMnist();
        Mnist.LoadSplit("test", directory);   // verified and remembered
        string damaged = Path.Combine(directory, MnistFile.TestLabels.Name);
        Corrupt(damaged);

        var e = Assert.Throws<InvalidDataException>(() => Mnist.LoadSplit("test", directory));

        Assert.Contains($"'{damaged}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", e.Message, StringComparison.Ordinal);
        Assert.Contains($"`{MnistVerification.FetchCommand}`", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unchanged_Files_Are_Trusted_From_The_Cache_Until_It_Is_Deleted()
    {
        string directory = CopyOfMnist();
        Mnist.LoadSplit("test", directory);
        string cache = Path.Combine(directory, VerifiedFileCache.FileName);
        Assert.Contains(MnistFile.TestImages.Sha256, File.ReadAllText(cache), StringComparison.Ordinal);

        // Same size and the old timestamp put back: the cache is believed, which shows the load did not hash.
        Corrupt(Path.Combine(directory, MnistFile.TestImages.Name), restoreTimestamp: true);
        Mnist.LoadSplit("test", directory);

        File.Delete(cache);
        Assert.Throws<InvalidDataException>(() => Mnist.LoadSplit("test", directory));
    }

    [Fact]
    public void A_Damaged_Cache_Costs_Only_A_Hash_And_Is_Rewritten()
    {
        string directory = CopyOfMnist();
        string cache = Path.Combine(directory, VerifiedFileCache.FileName);
        File.WriteAllText(cache, "{ not json");

        var split = Mnist.LoadSplit("test", directory);

        Assert.Equal(10_000, split.Count);
        Assert.Contains(MnistFile.TestLabels.Sha256, File.ReadAllText(cache), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Missing_Folder_Says_How_To_Fetch_Or_Point_Elsewhere()
    {
        string missing = _temp.File("no-such-folder");

        var e = Assert.Throws<DirectoryNotFoundException>(() => Mnist.Load(missing));

        Assert.Contains($"'{missing}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("-- data fetch", e.Message, StringComparison.Ordinal);
        Assert.Contains("--dir", e.Message, StringComparison.Ordinal);
        Assert.Contains(DataPaths.MnistDirectoryVariable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Missing_File_Is_Named_With_The_Fetch_Command()
    {
        string directory = CopyOfMnist();
        File.Delete(Path.Combine(directory, MnistFile.TrainLabels.Name));

        var e = Assert.Throws<FileNotFoundException>(() => Mnist.Load(directory));

        Assert.Contains(MnistFile.TrainLabels.Name, e.Message, StringComparison.Ordinal);
        Assert.Contains("-- data fetch", e.Message, StringComparison.Ordinal);
    }
}
