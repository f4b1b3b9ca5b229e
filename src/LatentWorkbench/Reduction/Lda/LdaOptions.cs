namespace LatentWorkbench.Reduction.Lda;

/// <summary>Options of <see cref="LdaReducer"/>.</summary>
public sealed record LdaOptions
{
    /// <summary>Directions to keep, at most (classes − 1); null: all of them.</summary>
    public int? Components { get; init; }

    /// <summary>
    /// Ridge added to the within-class scatter, as a fraction of its mean variance: pixels that never vary (MNIST's
    /// borders) make the scatter singular, and a small ridge keeps the whitening finite without moving the directions
    /// that matter.
    /// </summary>
    public double Shrinkage { get; init; } = 1e-3;

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        if (Components is { } k)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k, nameof(Components));
        }

        if (!double.IsFinite(Shrinkage) || Shrinkage <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Shrinkage), Shrinkage, "Shrinkage must be a positive fraction of the mean within-class variance (e.g. 1e-3).");
        }
    }
}
