using LatentWorkbench.Cli;
using LatentWorkbench.Data;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Cli.Commands;

[Collection(MnistCollection.Name)]
public sealed class DataCommandTests(MnistFixture mnist) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Task<int> Run(params string[] args) => Program.BuildRoot().Parse(args).InvokeAsync();

    [Fact]
    public async Task Fetch_Into_A_Folder_With_Verified_Files_Succeeds_Without_Changing_Them()
    {
        _ = mnist.Data;
        foreach (var file in MnistFile.All)
        {
            File.Copy(Path.Combine(MnistFixture.Directory, file.Name), _temp.File(file.Name));
        }

        var stamp = File.GetLastWriteTimeUtc(_temp.File(MnistFile.TrainImages.Name));

        Assert.Equal(0, await Run("data", "fetch", "--dir", _temp.Path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(_temp.File(MnistFile.TrainImages.Name)));
    }

    [Fact]
    public async Task Info_On_A_Folder_Without_Data_Exits_With_Code_1()
    {
        Assert.Equal(1, await Run("data", "info", "--dir", _temp.Path));
    }

    [Fact]
    public async Task Info_On_A_Malformed_File_Exits_With_Code_1()
    {
        _ = mnist.Data;
        foreach (var file in MnistFile.All)
        {
            File.Copy(Path.Combine(MnistFixture.Directory, file.Name), _temp.File(file.Name));
        }

        File.WriteAllBytes(_temp.File(MnistFile.TestLabels.Name), new byte[] { 0, 0, 8, 3 });

        Assert.Equal(1, await Run("data", "info", "--dir", _temp.Path));
    }

    [Fact]
    public async Task Unknown_Command_Exits_Non_Zero()
    {
        Assert.NotEqual(0, await Run("data", "frobnicate"));
    }

    [Fact]
    public async Task Help_Exits_Zero()
    {
        Assert.Equal(0, await Run("data", "fetch", "--help"));
    }
}
