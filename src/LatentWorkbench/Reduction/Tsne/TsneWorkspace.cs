using LatentWorkbench.Kernels;

namespace LatentWorkbench.Reduction.Tsne;

/// <summary>
/// The buffers one Barnes–Hut gradient needs (the quadtree, the attraction and repulsion sums), allocated once per
/// optimisation run and overwritten by every iteration.
/// </summary>
/// <remarks>
/// Allocating them per iteration cost about 7 MB of large-object garbage an iteration for all 70,000 MNIST digits; the
/// collector frees large objects only in full collections, so the working set of notebook 04's all-digits cell rose by
/// hundreds of megabytes between them. Every buffer is fully rewritten each iteration, so reuse changes no number.
/// </remarks>
internal sealed class TsneWorkspace
{
    /// <summary>Buffers for <paramref name="points"/> 2-D points.</summary>
    public TsneWorkspace(int points)
    {
        Tree = new QuadTree(points);
        Attraction = new double[2 * points];
        Repulsion = new double[2 * points];
    }

    /// <summary>The quadtree, rebuilt in place each iteration.</summary>
    public QuadTree Tree { get; }

    /// <summary>Σⱼ p_ij w_ij (yᵢ − yⱼ), N×2.</summary>
    public double[] Attraction { get; }

    /// <summary>Σⱼ w_ij² (yᵢ − yⱼ), N×2.</summary>
    public double[] Repulsion { get; }
}
