namespace LatentWorkbench.Kernels;

/// <summary>
/// The repulsive term of the t-SNE gradient by Barnes–Hut on a quadtree (van der Maaten, JMLR 15, 2014), 2-D only.
/// </summary>
/// <remarks>
/// For each point i: Fᵢ = Σⱼ w_ij² (yᵢ − yⱼ) and Zᵢ = Σⱼ w_ij with w_ij = 1 / (1 + ‖yᵢ − yⱼ‖²), j ≠ i. A cell of width
/// s is summarized by its N_cell points at its centre of mass when s² &lt; θ²d². The walk is done once per group of at
/// most <see cref="GroupSize"/> neighbouring points, with d measured to the group's bounding box (never coarser than
/// the per-point test, see <see cref="QuadTree.Interactions"/>), and the resulting interaction list is summed for each
/// point of the group with SIMD. The self term (distance 0, w = 1, zero force) is in the list and removed from Zᵢ.
/// Groups are processed in fixed chunks; each chunk writes its own rows and its own partial Z, summed in chunk order,
/// so results are identical run to run and for any thread count. θ = 0 gives the exact sums.
/// </remarks>
internal static class TsneBarnesHut
{
    /// <summary>Points per group walk: larger groups share one walk among more points but open more cells.</summary>
    public const int GroupSize = 32;
    private const int GroupsPerChunk = 16;

    /// <summary>Writes Fᵢ (N×2) into <paramref name="force"/> and returns Z = Σᵢ Zᵢ.</summary>
    public static double Repulsion(double[] y, double theta, double[] force) => Repulsion(QuadTree.Build(y), y, theta, force);

    /// <summary>As <see cref="Repulsion(double[], double, double[])"/> with a tree already built over <paramref name="y"/>.</summary>
    /// <param name="tree">The quadtree over <paramref name="y"/>.</param>
    /// <param name="y">The N×2 points.</param>
    /// <param name="theta">The Barnes–Hut θ.</param>
    /// <param name="force">Receives Fᵢ (N×2).</param>
    /// <param name="groupSize">Points per walk; 1 gives the classic per-point Barnes–Hut walk (the tests' reference).</param>
    public static double Repulsion(QuadTree tree, double[] y, double theta, double[] force, int groupSize = GroupSize)
    {
        var groups = tree.Groups(groupSize);
        int chunks = (groups.Count + GroupsPerChunk - 1) / GroupsPerChunk;
        var chunkZ = new double[chunks];
        double theta2 = theta * theta;
        int[] order = tree.Order;
        Parallel.For(0, chunks, tree.RentList, (chunk, _, list) =>
        {
            Span<int> stack = stackalloc int[4 * (QuadTree.MaxDepth + 2)];
            double z = 0;
            int end = Math.Min(groups.Count, (chunk + 1) * GroupsPerChunk);
            for (int g = chunk * GroupsPerChunk; g < end; g++)
            {
                var (start, count) = tree.Span(groups[g]);
                double minX = double.PositiveInfinity, maxX = double.NegativeInfinity, minY = double.PositiveInfinity, maxY = double.NegativeInfinity;
                for (int position = start; position < start + count; position++)
                {
                    minX = Math.Min(minX, tree.SortedX(position));
                    maxX = Math.Max(maxX, tree.SortedX(position));
                    minY = Math.Min(minY, tree.SortedY(position));
                    maxY = Math.Max(maxY, tree.SortedY(position));
                }

                int padded = list.Pad(tree.Interactions(minX, maxX, minY, maxY, theta2, stack, list));
                for (int position = start; position < start + count; position++)
                {
                    int i = order[position];
                    z += list.Sum(padded, tree.SortedX(position), tree.SortedY(position), out force[2 * i], out force[(2 * i) + 1]) - 1;
                }
            }

            chunkZ[chunk] = z;
            return list;
        }, tree.ReturnList);
        double total = 0;
        foreach (double z in chunkZ)
        {
            total += z;
        }

        return total;
    }
}
