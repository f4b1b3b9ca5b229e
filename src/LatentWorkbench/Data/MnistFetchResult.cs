namespace LatentWorkbench.Data;

/// <summary>What <see cref="MnistFetcher.EnsureAsync"/> did.</summary>
/// <param name="Directory">The folder that now holds the four verified files.</param>
/// <param name="Before">The state of each file before fetching.</param>
/// <param name="Source">The source the files came from, or null when nothing had to be fetched.</param>
public sealed record MnistFetchResult(string Directory, IReadOnlyList<MnistFileStatus> Before, string? Source)
{
    /// <summary>True when all four files were already present and verified.</summary>
    public bool WasAlreadyPresent => Source is null;
}
