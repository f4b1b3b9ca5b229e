using LatentWorkbench.Experiments.Gans;
using LatentWorkbench.Tests.TestUtilities;
using TorchSharp;

namespace LatentWorkbench.Tests.Experiments.Gans;

public sealed class GanSnapshotsTests
{
    [Fact]
    public void Save_Writes_The_Format_Existing_Run_Stores_Hold_Byte_For_Byte()
    {
        using var temp = new TempDirectory();
        using var first = torch.tensor(new[] { 0f, 0.25f, 0.5f, 1f, 0.125f, 0.75f }, [2, 3]);
        using var second = torch.tensor(new[] { 1f, 0f, 0.5f, 0.5f, 0f, 1f }, [2, 3]);
        string path = temp.File("run.pt.snapshots");

        GanSnapshots.Save(path, [first, second], count: 2, pixels: 3);

        Assert.Equal(OldFormat(2, 3, [[0f, 0.25f, 0.5f, 1f, 0.125f, 0.75f], [1f, 0f, 0.5f, 0.5f, 0f, 1f]]), File.ReadAllBytes(path));
    }

    [Fact]
    public void A_File_In_The_Stored_Format_Loads_As_One_Float32_Cpu_Tensor_Per_Epoch()
    {
        using var temp = new TempDirectory();
        string path = temp.File("run.pt.snapshots");
        float[][] epochs = [[0.1f, 0.2f, 0.3f, 0.4f], [0.5f, 0.6f, 0.7f, 0.8f], [0.9f, 1f, 0f, 0.05f]];
        File.WriteAllBytes(path, OldFormat(2, 2, epochs));

        var loaded = GanSnapshots.Load(path);

        Assert.Equal(3, loaded.Count);
        for (int e = 0; e < epochs.Length; e++)
        {
            Assert.Equal([2L, 2L], loaded[e].shape);
            Assert.Equal(torch.float32, loaded[e].dtype);
            Assert.Equal(DeviceType.CPU, loaded[e].device_type);
            Assert.Equal(epochs[e], loaded[e].data<float>().ToArray());
        }
    }

    [Fact]
    public void A_Missing_File_Has_No_Snapshots_And_A_Damaged_One_Is_Named()
    {
        using var temp = new TempDirectory();
        Assert.Empty(GanSnapshots.Load(temp.File("absent.snapshots")));

        string path = temp.File("damaged.snapshots");
        File.WriteAllBytes(path, OldFormat(2, 2, [[0.1f, 0.2f, 0.3f, 0.4f]])[..^4]);   // one float short
        var error = Assert.Throws<InvalidDataException>(() => GanSnapshots.Load(path));
        Assert.Contains("damaged.snapshots", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Snapshot_Of_Another_Shape_Is_Rejected_By_Position()
    {
        using var temp = new TempDirectory();
        using var right = torch.zeros(2, 3);
        using var wrong = torch.zeros(3, 2);

        var error = Assert.Throws<ArgumentException>("snapshots", () => GanSnapshots.Save(temp.File("x.snapshots"), [right, wrong], count: 2, pixels: 3));
        Assert.Contains("snapshots[1] must be [2, 3]", error.Message, StringComparison.Ordinal);
    }

    // The format as the float[]-list version of Save wrote it: int32 epochs, count, pixels, then every float (little-endian).
    private static byte[] OldFormat(int count, int pixels, float[][] epochs)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(epochs.Length);
            writer.Write(count);
            writer.Write(pixels);
            foreach (var value in epochs.SelectMany(e => e))
            {
                writer.Write(value);
            }
        }

        return stream.ToArray();
    }
}
