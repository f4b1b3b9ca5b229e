using LatentWorkbench.Common;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Common;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_Failed_Write_Names_The_Users_File_Not_The_Temp_File()
    {
        File.WriteAllText(_temp.File("plain-file"), "x");
        string target = _temp.File("plain-file/result.json");   // its "folder" is a file

        var e = Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(target, "{}"));

        Assert.Contains(target, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Temp_File_That_Cannot_Be_Created_Is_Reported_As_The_Target()
    {
        // /proc accepts no new files, not even from root: the temp file's creation is what fails, and the OS
        // message names it. (Elsewhere than Linux, a folder that is a file fails earlier, still naming the target.)
        string target = OperatingSystem.IsLinux() ? "/proc/latentworkbench-x.json" : _temp.File("plain-file/x.json");
        File.WriteAllText(_temp.File("plain-file"), "x");

        var e = Assert.ThrowsAny<Exception>(() => AtomicFile.WriteAllText(target, "{}"));

        Assert.True(e is IOException or UnauthorizedAccessException, e.GetType().Name);
        Assert.Contains(target, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Write_That_Fails_Midway_Keeps_The_Old_File_And_Leaves_No_Temp_File()
    {
        string target = _temp.File("table.csv");
        File.WriteAllText(target, "old");

        Assert.Throws<IOException>(() => AtomicFile.Write(target, stream =>
        {
            stream.Write("half"u8);
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["table.csv"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_Write_Creates_The_Folder_And_Replaces_The_File_Whole()
    {
        string target = _temp.File("new/folder/out.txt");
        AtomicFile.WriteAllText(target, "first");
        AtomicFile.WriteAllText(target, "second");

        Assert.Equal("second", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(_temp.File("new/folder")));
    }
}
