namespace LatentWorkbench.Kernels;

/// <summary>
/// The repulsive term of the t-SNE gradient by Barnes–Hut on a quadtree (van der Maaten, JMLR 15, 2014), 2-D only.
/// </summary>
/// <remarks>
/// For each point i: Fᵢ = Σⱼ w_ij² (yᵢ − yⱼ) and Zᵢ = Σⱼ w_ij with w_ij = 1 / (1 + ‖yᵢ − yⱼ‖²), j ≠ i. A cell of width
/// s whose centre of mass is at distance r from yᵢ is summarized by its N_cell points at the centre of mass when
/// s &lt; θ·r (s² &lt; θ²r²); leaves hold up to 8 points, summed exactly. Points are visited in tree
/// order in fixed chunks so neighbouring queries share cache lines; each chunk writes its own rows and its own partial Z,
/// summed in chunk order, so results are identical run to run. θ = 0 gives the exact sums.
/// </remarks>
internal static class TsneBarnesHut
{
    private const int ChunkSize = 256;

    /// <summary>Writes Fᵢ (N×2) into <paramref name="force"/> and returns Z = Σᵢ Zᵢ.</summary>
    public static double Repulsion(double[] y, double theta, double[] force)
    {
        var tree = QuadTree.Build(y);
        int n = y.Length / 2, chunks = (n + ChunkSize - 1) / ChunkSize;
        var chunkZ = new double[chunks];
        double theta2 = theta * theta;
        Parallel.For(0, chunks, chunk =>
        {
            Span<int> stack = stackalloc int[4 * (QuadTree.MaxDepth + 2)];
            double z = 0;
            int end = Math.Min(n, (chunk + 1) * ChunkSize);
            for (int position = chunk * ChunkSize; position < end; position++)
            {
                int i = tree.Order[position];
                z += tree.Accumulate(i, y[2 * i], y[(2 * i) + 1], theta2, stack, out double fx, out double fy);
                force[2 * i] = fx;
                force[(2 * i) + 1] = fy;
            }

            chunkZ[chunk] = z;
        });
        double total = 0;
        foreach (double z in chunkZ)
        {
            total += z;
        }

        return total;
    }
}
