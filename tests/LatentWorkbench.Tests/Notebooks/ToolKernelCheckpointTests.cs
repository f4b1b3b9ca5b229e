using System.Text.Json;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks;

/// <summary>
/// Checkpoints save and load in a kernel host shaped like the dotnet-interactive tool. There the C# kernel's
/// script loader binds the library's references itself and matches versions exactly, so TorchSharp.PyBridge
/// (built against TorchSharp 0.103) used to get a second TorchSharp 0.107 and every save failed with
/// <c>MissingMethodException: PyBridgeModuleExtensions.save_py(Module, Stream, ...)</c> (found under Jupyter).
/// </summary>
public sealed class ToolKernelCheckpointTests
{
    [Fact]
    public async Task A_Checkpoint_Saved_In_The_Tool_Kernel_Loads_Back_With_One_TorchSharp()
    {
        using var temp = new TempDirectory();
        string path = temp.File("linear.pt").Replace("\\", "/", StringComparison.Ordinal);
        string executed = await KernelHostProcess.Run(
            $"#r \"{Path.Combine(KernelHostProcess.LibraryFolder, "LatentWorkbench.dll")}\"",
            "using TorchSharp;\nusing LatentWorkbench.Training;\n"
            + "torch.manual_seed(7);\nvar saved = torch.nn.Linear(3, 2);\n"
            + $"Checkpoint.Save(saved, \"{path}\");\n"
            + "torch.manual_seed(8);\nvar loaded = torch.nn.Linear(3, 2);\n"
            + $"Checkpoint.Load(loaded, \"{path}\");\n"
            + "var same = saved.weight!.allclose(loaded.weight!, 0, 0) && saved.bias!.allclose(loaded.bias!, 0, 0);\n"
            + "var copies = System.AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name == \"TorchSharp\");\n"
            + "$\"same={same} torchsharp_copies={copies}\"");

        using var document = JsonDocument.Parse(executed);
        string result = document.RootElement.GetProperty("cells")[1].GetProperty("outputs").EnumerateArray()
            .Select(o => o.TryGetProperty("data", out var data) && data.TryGetProperty("text/plain", out var text) ? Join(text) : "")
            .Single(s => s.Length > 0);
        Assert.Equal("same=True torchsharp_copies=1", result);
        Assert.True(File.Exists(path));
    }

    private static string Join(JsonElement text) =>
        text.ValueKind == JsonValueKind.Array ? string.Concat(text.EnumerateArray().Select(e => e.GetString())) : text.GetString() ?? "";
}
