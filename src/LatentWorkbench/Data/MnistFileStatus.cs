namespace LatentWorkbench.Data;

/// <summary>What was found for one MNIST file where the loader looks.</summary>
public enum MnistFileState
{
    /// <summary>Present, right size, right SHA-256.</summary>
    Verified,

    /// <summary>Not there.</summary>
    Missing,

    /// <summary>There, but its size or SHA-256 is wrong.</summary>
    Corrupt,
}

/// <summary>The state of one file, with a human-readable detail for corrupt files.</summary>
/// <param name="File">Which file.</param>
/// <param name="State">What was found.</param>
/// <param name="Detail">Why it is corrupt (empty otherwise).</param>
public sealed record MnistFileStatus(MnistFile File, MnistFileState State, string Detail);
