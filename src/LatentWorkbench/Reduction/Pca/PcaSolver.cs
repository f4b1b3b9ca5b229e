namespace LatentWorkbench.Reduction.Pca;

/// <summary>How <see cref="PcaReducer"/> finds the principal axes.</summary>
public enum PcaSolver
{
    /// <summary>
    /// Covariance XcᵀXc/(N−1) (float32 GEMM in row chunks, accumulated in float64), then a float64 symmetric
    /// eigendecomposition. Exact to float64 round-off of the covariance; every eigenvalue is known.
    /// </summary>
    Exact,

    /// <summary>
    /// Randomized range finder with power iterations (Halko, Martinsson &amp; Tropp 2011, Alg. 4.4), then the
    /// small projected problem. It iterates with the covariance when forming it is cheaper than 2(q + 1) passes over
    /// the data (true for MNIST), else with the data itself. Approximate; accurate for the leading components.
    /// </summary>
    Randomized,
}
