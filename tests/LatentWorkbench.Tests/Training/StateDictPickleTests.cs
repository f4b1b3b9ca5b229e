using LatentWorkbench.Training;

namespace LatentWorkbench.Tests.Training;

public sealed class StateDictPickleTests
{
    [Fact]
    public void The_Library_Has_No_Compile_Time_Reference_To_PyBridge()
    {
        // A compile-time call binds, in the dotnet-interactive kernel, a PyBridge with a second TorchSharp
        // (docs/notebooks.md, "Three hosts"); StateDictPickle binds it at run time instead. The ship-to-Jupyter
        // test (ToolKernelCheckpointTests) covers Checkpoint; this catches a direct save_py/load_py anywhere else.
        var references = typeof(Checkpoint).Assembly.GetReferencedAssemblies().Select(r => r.Name).ToList();
        Assert.Contains("TorchSharp", references);
        Assert.DoesNotContain("TorchSharp.PyBridge", references);
    }
}
