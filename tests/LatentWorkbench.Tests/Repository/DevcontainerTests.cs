using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    // The GCC whose libstdc++ each base image's distribution ships (TorchSharp's native library needs GCC 13's
    // GLIBCXX_3.4.32; docs/torchsharp.md): the tag's suffix names the distribution.
    private static readonly Dictionary<string, int> GccOfDistribution = new(StringComparer.Ordinal)
    {
        ["jammy"] = 11,     // Ubuntu 22.04
        ["bookworm"] = 12,  // Debian 12
        ["noble"] = 13,     // Ubuntu 24.04
        ["trixie"] = 14,    // Debian 13
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Both_Shipped_Configurations_Have_Everything_The_Product_Relies_On(string configuration)
    {
        Assert.Empty(Problems(JsonNode.Parse(File.ReadAllText(Path.Combine(Root, configuration)), documentOptions: Lenient)!.AsObject(), configuration == Gpu));
    }

    [Theory]
    [InlineData("no Jupyter extension", "ms-toolsai.jupyter")]
    [InlineData("no C# extension", "ms-dotnettools.csharp")]
    [InlineData("a Debian 12 image", "bookworm")]
    [InlineData("a missing post-create script", "missing-script")]
    [InlineData("no GPU host", "gpu")]
    [InlineData("the CPU backend on the GPU configuration", "cpu-backend")]
    public void The_Check_Fails_When_A_Configuration_Loses_What_It_Needs(string what, string change)
    {
        // Each case breaks one thing in a copy of the GPU configuration; the check must name a problem.
        var broken = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, Gpu)), documentOptions: Lenient)!.AsObject();
        var extensions = broken["customizations"]!["vscode"]!["extensions"]!.AsArray();
        switch (change)
        {
            case "bookworm":
                broken["image"] = "mcr.microsoft.com/devcontainers/dotnet:10.0-bookworm";
                break;
            case "missing-script":
                broken["postCreateCommand"] = "bash .devcontainer/setup.sh --torch-backend cuda";
                break;
            case "gpu":
                broken["hostRequirements"]!.AsObject().Remove("gpu");
                break;
            case "cpu-backend":
                broken["postCreateCommand"] = "bash .devcontainer/post-create.sh --torch-backend cpu";
                break;
            default:
                extensions.Remove(extensions.First(e => e!.GetValue<string>() == change));
                break;
        }

        Assert.True(Problems(broken, gpu: true).Count > 0, $"the check accepted {what}");
    }

    // What the product relies on in a dev container configuration (both: an image whose libstdc++ is GCC 13 or later,
    // the Jupyter and C# extensions and Polyglot Notebooks while it installs, a post-create script that exists and parses;
    // the GPU one: a GPU host, the GPUs passed in, and the CUDA build).
    private static List<string> Problems(JsonObject configuration, bool gpu)
    {
        var problems = new List<string>();
        string image = configuration["image"]?.GetValue<string>() ?? string.Empty;
        string distribution = image.Split('-').Last();
        if (!image.StartsWith("mcr.microsoft.com/devcontainers/dotnet:10.0-", StringComparison.Ordinal)
            || !GccOfDistribution.TryGetValue(distribution, out int gcc) || gcc < 13)
        {
            problems.Add($"image '{image}' is not a .NET 10 image whose libstdc++ is from GCC 13 or later");
        }

        var extensions = configuration["customizations"]?["vscode"]?["extensions"]?.AsArray().Select(e => e?.GetValue<string>()).ToList() ?? [];
        foreach (string extension in new[] { "ms-toolsai.jupyter", "ms-dotnettools.csharp", "ms-dotnettools.dotnet-interactive-vscode" }.Where(e => !extensions.Contains(e)))
        {
            problems.Add($"extension {extension} is missing");
        }

        string command = configuration["postCreateCommand"]?.GetValue<string>() ?? string.Empty;
        string[] words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not ["bash", var script, "--torch-backend", var backend] || !File.Exists(Path.Combine(Root, script)) || !ParsesAsBash(Path.Combine(Root, script)))
        {
            problems.Add($"postCreateCommand '{command}' does not run an existing setup script that parses");
        }
        else if (backend != (gpu ? "cuda" : "cpu"))
        {
            problems.Add($"the post-create build uses TorchBackend={backend}");
        }

        bool asksForGpu = configuration["hostRequirements"]?["gpu"]?.GetValue<bool>() == true;
        bool passesGpus = configuration["runArgs"]?.AsArray().Select(a => a?.GetValue<string>()).SequenceEqual(["--gpus", "all"]) == true;
        if (gpu != asksForGpu || gpu != passesGpus)
        {
            problems.Add(gpu ? "the GPU configuration does not ask for a GPU host and pass the GPUs in" : "the CPU configuration asks for a GPU");
        }

        return problems;
    }

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static bool ParsesAsBash(string script)
    {
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", script]) { RedirectStandardError = true })!;
        bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        return bash.ExitCode == 0;
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Installs_Node_For_The_Default_Data_Source(string configuration)
    {
        Assert.Contains(Load(configuration).GetProperty("features").EnumerateObject(), f => f.Name.Contains("/node", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dotnet build LatentWorkbench.sln -c Release \"-p:TorchBackend=$backend\"")]
    [InlineData("data fetch")]
    [InlineData("Microsoft.dotnet-interactive --version 1.0.712001")]
    [InlineData("\"$HOME/.dotnet/tools/dotnet-interactive\" jupyter install\ntest -f \"$HOME/.local/share/jupyter/kernels/.net-csharp/kernel.json\"")]
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
