namespace LatentWorkbench.Kernels;

/// <summary>One GEMM shape to time: C(m×n) = op(A)(m×k) · op(B)(k×n).</summary>
/// <param name="Name">Label shown in tables (e.g. "1024³" or "fc1 forward").</param>
/// <param name="M">Rows of C.</param>
/// <param name="N">Columns of C.</param>
/// <param name="K">Depth.</param>
/// <param name="TransA">Whether A is stored k×m.</param>
/// <param name="TransB">Whether B is stored n×k.</param>
internal sealed record GemmShape(string Name, int M, int N, int K, bool TransA, bool TransB)
{
    /// <summary>Floating-point operations of one product: 2·m·n·k.</summary>
    public double Flops => 2.0 * M * N * K;

    /// <summary>A square n×n×n product.</summary>
    public static GemmShape Square(int size) => new($"{size}³", size, size, size, false, false);

    /// <summary>
    /// The products our reducers and metrics run on MNIST (d = 784 pixels, 50 PCA components, 10,000 test digits),
    /// the shapes whose speed decides whether our SGEMM earns its place against libtorch's matmul.
    /// </summary>
    /// <remarks>
    /// PCA's covariance multiplies chunks of <c>PcaMath.CovarianceChunkRows</c> centred rows over 4 column blocks of
    /// 196; the exact k-NN (t-SNE's and UMAP's affinities, k-NN accuracy) and trustworthiness compute distance tiles of
    /// 64 queries against 4,096 references or every point; randomized PCA multiplies the 60,000 training digits by
    /// 50 + 10 probe vectors.
    /// </remarks>
    public static IReadOnlyList<GemmShape> ReducerProducts() =>
    [
        new("PCA covariance block Xcᵀ·Xc", 196, 196, 2048, true, false),
        new("PCA transform X·Wᵀ (k=50)", 10_000, 50, 784, false, true),
        new("PCA reconstruct Z·W (k=50)", 10_000, 784, 50, false, false),
        new("randomized PCA X·Q", 60_000, 60, 784, false, false),
        new("randomized PCA Xᵀ·Y", 784, 60, 60_000, true, false),
        new("k-NN tile, pixels", 64, 4096, 784, false, true),
        new("k-NN tile, PCA-50", 64, 4096, 50, false, true),
        new("trustworthiness tile, pixels", 64, 10_000, 784, false, true),
    ];
}
