using LatentWorkbench.Tests.TestUtilities;
using Xunit.Abstractions;

namespace LatentWorkbench.Tests.Training;

/// <summary>
/// Training memory stays flat on every training path, on a machine where the garbage collector runs rarely: before the
/// fix the native scalars TorchSharp leaves to finalizers grew the seed VAE's working set by about 1 GB an epoch there
/// (docs/engine.md, "Memory"). Each path trains in a child process of its own (<see cref="TrainingMemoryProcess"/>).
/// </summary>
public sealed class TrainingMemoryTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Growth allowed after epoch 2, as a fraction of epoch 2's working set (the bar).</summary>
    private const double AllowedGrowth = 0.10;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Paths() => [.. TrainingMemoryProcess.Paths];

    [Theory]
    [MemberData(nameof(Paths))]
    public void Working_Set_And_Live_Tensors_Do_Not_Grow_After_The_Second_Epoch(string path)
    {
        var epochs = TrainingMemoryProcess.Measure(path, _temp.File("runs.db"));
        string trace = string.Join("; ", epochs.Select(e => $"epoch {e.Epoch}: {e.WorkingSetMegabytes:F0} MB, {e.LiveTensors} tensors"));
        output.WriteLine(trace);

        Assert.True(epochs.Count >= 4, $"{path}: expected at least 4 epochs, got {trace}");
        var second = epochs[1];
        Assert.All(epochs.Skip(2), e =>
        {
            Assert.True(e.LiveTensors <= second.LiveTensors, $"{path}: live tensors grew after epoch 2 ({trace})");
            Assert.True(e.WorkingSetMegabytes <= second.WorkingSetMegabytes * (1 + AllowedGrowth), $"{path}: working set grew more than {AllowedGrowth:P0} after epoch 2 ({trace})");
        });
    }
}
