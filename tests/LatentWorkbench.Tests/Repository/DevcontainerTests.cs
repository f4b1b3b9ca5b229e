using System.Text.Json;
using LatentWorkbench.Data;

namespace LatentWorkbench.Tests.Repository;

/// <summary>
/// There is no Docker engine here to build the devcontainer, so these tests check that the file parses
/// and names what Codespaces needs (../shared/specs/polyglot.md §6).
/// </summary>
public sealed class DevcontainerTests
{
    private static JsonElement Load()
    {
        string root = DataPaths.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("tests must run inside the repository");
        string text = File.ReadAllText(Path.Combine(root, ".devcontainer", "devcontainer.json"));
        return JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement;
    }

    [Fact]
    public void Uses_The_Dotnet_10_Devcontainer_Image()
    {
        Assert.Equal("mcr.microsoft.com/devcontainers/dotnet:10.0", Load().GetProperty("image").GetString());
    }

    [Fact]
    public void Installs_Node_For_The_Default_Data_Source()
    {
        Assert.Contains(Load().GetProperty("features").EnumerateObject(), f => f.Name.Contains("/node", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ms-dotnettools.dotnet-interactive-vscode")]
    [InlineData("ms-toolsai.jupyter")]
    [InlineData("ms-dotnettools.csharp")]
    public void Recommends_The_Notebook_Extensions(string extension)
    {
        var extensions = Load().GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString());
        Assert.Contains(extension, extensions);
    }

    [Fact]
    public void Post_Create_Builds_The_Solution_And_Fetches_Mnist()
    {
        string command = Load().GetProperty("postCreateCommand").GetString() ?? "";
        Assert.Contains("dotnet build LatentWorkbench.sln", command, StringComparison.Ordinal);
        Assert.Contains("data fetch", command, StringComparison.Ordinal);
    }
}
