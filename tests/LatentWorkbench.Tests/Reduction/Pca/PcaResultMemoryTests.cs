using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Reduction.Pca;

/// <summary>
/// Neither loaded data nor a reducer's result may pin managed memory. Both used to: the MNIST pixels were a
/// <c>torch.from_array</c> view of the loaded array, and so was every result. A pinned array cannot move, so the garbage
/// allocated beside it (PCA's centred copy of its input) stayed committed as fragmentation while the caller held the
/// result: 209 MB for a projection of all 70,000 digits in a notebook kernel, and notebook 04's peak rose from 2.0 to 3 GB.
/// </summary>
[Collection(MnistCollection.Name)]
public sealed class PcaResultMemoryTests(MnistFixture mnist)
{
    [Fact]
    public void A_Held_Transform_Of_Loaded_Digits_Leaves_No_Fragmented_Heap_After_A_Compacting_Collection()
    {
        var train = mnist.Data.Train;
        var model = new PcaReducer(new PcaOptions { Components = 50 }).Fit(train.Images);
        Collect();

        using var projected = model.Transform(train.Images); // allocates a 188 MB centred copy as garbage beside its result
        var info = Collect();

        Assert.Equal([60_000L, 50L], projected.shape);
        Assert.True(info.FragmentedBytes < 16 << 20,
            $"{info.FragmentedBytes >> 20} MB of the {info.HeapSizeBytes >> 20} MB managed heap stay fragmented while the projection is held");
    }

    private static GCMemoryInfo Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return GC.GetGCMemoryInfo();
    }
}
