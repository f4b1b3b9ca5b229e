namespace LatentWorkbench.Reduction.Pca;

/// <summary>Leading eigenpairs of a covariance: variances (descending) and unit vectors as rows of a K×D array.</summary>
internal sealed record PcaSpectrum(double[] Variances, float[] Vectors, int Features)
{
    /// <summary>The first <paramref name="count"/> eigenpairs.</summary>
    public PcaSpectrum Take(int count) =>
        new(Variances[..count], Vectors[..(count * Features)], Features);
}
