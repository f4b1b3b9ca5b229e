using System.Diagnostics;
using System.Text.Json;
using LatentWorkbench.Data;

namespace LatentWorkbench.Tests.Repository;

/// <summary>
/// There is no Docker engine here to build the dev containers, so these tests check that both configurations
/// (CPU and GPU) parse and name what Codespaces needs (docs/polyglot-contract.md §6), and that the script
/// they run after creation parses and does each setup step.
/// </summary>
public sealed class DevcontainerTests
{
    public const string Cpu = ".devcontainer/devcontainer.json";
    public const string Gpu = ".devcontainer/gpu/devcontainer.json";
    private const string PostCreate = ".devcontainer/post-create.sh";

    public static TheoryData<string> Configurations => [Cpu, Gpu];

    private static string Root => DataPaths.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("tests must run inside the repository");

    private static JsonElement Load(string configuration)
    {
        string text = File.ReadAllText(Path.Combine(Root, configuration));
        return JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement;
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Uses_The_Dotnet_10_Image_On_Ubuntu_24_04_Whose_Libstdcxx_Is_From_Gcc_13(string configuration)
    {
        Assert.Equal("mcr.microsoft.com/devcontainers/dotnet:10.0-noble", Load(configuration).GetProperty("image").GetString());
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Installs_Node_For_The_Default_Data_Source(string configuration)
    {
        Assert.Contains(Load(configuration).GetProperty("features").EnumerateObject(), f => f.Name.Contains("/node", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Cpu, "ms-dotnettools.dotnet-interactive-vscode")]
    [InlineData(Cpu, "ms-toolsai.jupyter")]
    [InlineData(Cpu, "ms-dotnettools.csharp")]
    [InlineData(Gpu, "ms-dotnettools.dotnet-interactive-vscode")]
    [InlineData(Gpu, "ms-toolsai.jupyter")]
    [InlineData(Gpu, "ms-dotnettools.csharp")]
    public void Recommends_The_Notebook_Extensions(string configuration, string extension)
    {
        var extensions = Load(configuration).GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString());
        Assert.Contains(extension, extensions);
    }

    [Theory]
    [InlineData(Cpu, "cpu")]
    [InlineData(Gpu, "cuda")]
    public void Post_Create_Runs_The_Setup_Script_With_The_Torch_Backend(string configuration, string backend)
    {
        Assert.Equal($"bash {PostCreate} --torch-backend {backend}", Load(configuration).GetProperty("postCreateCommand").GetString());
    }

    [Fact]
    public void Only_The_Gpu_Configuration_Asks_For_A_Gpu_Host_And_Passes_The_Gpus_In()
    {
        Assert.True(Load(Gpu).GetProperty("hostRequirements").GetProperty("gpu").GetBoolean());
        Assert.Equal(["--gpus", "all"], Load(Gpu).GetProperty("runArgs").EnumerateArray().Select(a => a.GetString()));
        Assert.False(Load(Cpu).GetProperty("hostRequirements").TryGetProperty("gpu", out _));
    }

    [Theory]
    [InlineData("dotnet build LatentWorkbench.sln -c Release \"-p:TorchBackend=$backend\"")]
    [InlineData("data fetch")]
    [InlineData("Microsoft.dotnet-interactive --version 1.0.712001")]
    [InlineData("playwright@1.65.1 install --with-deps chromium")]
    [InlineData("figure demo")]
    public void The_Script_Builds_Fetches_And_Installs_Each_Piece(string step)
    {
        Assert.Contains(step, File.ReadAllText(Path.Combine(Root, PostCreate)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_Script_Parses_As_Bash()
    {
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", Path.Combine(Root, PostCreate)]) { RedirectStandardError = true })!;
        string errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        Assert.True(bash.ExitCode == 0, errors);
    }
}
