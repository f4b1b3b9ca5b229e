namespace LatentWorkbench.Data;

/// <summary>One of the four original MNIST files, with the size and SHA-256 that identify it.</summary>
/// <param name="Name">The file name as published (uncompressed), e.g. <c>train-images-idx3-ubyte</c>.</param>
/// <param name="Bytes">Its exact length in bytes.</param>
/// <param name="Sha256">Lower-case hexadecimal SHA-256 of the uncompressed file.</param>
public sealed record MnistFile(string Name, long Bytes, string Sha256)
{
    /// <summary>The training images (60,000 × 28 × 28).</summary>
    public static MnistFile TrainImages { get; } = new("train-images-idx3-ubyte", 47_040_016, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");

    /// <summary>The training labels (60,000).</summary>
    public static MnistFile TrainLabels { get; } = new("train-labels-idx1-ubyte", 60_008, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");

    /// <summary>The test images (10,000 × 28 × 28).</summary>
    public static MnistFile TestImages { get; } = new("t10k-images-idx3-ubyte", 7_840_016, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");

    /// <summary>The test labels (10,000).</summary>
    public static MnistFile TestLabels { get; } = new("t10k-labels-idx1-ubyte", 10_008, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    /// <summary>All four files, in the order they are fetched and reported.</summary>
    public static IReadOnlyList<MnistFile> All { get; } = [TrainImages, TrainLabels, TestImages, TestLabels];
}
