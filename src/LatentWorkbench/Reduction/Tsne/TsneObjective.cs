using LatentWorkbench.Kernels;

namespace LatentWorkbench.Reduction.Tsne;

/// <summary>
/// The t-SNE objective as pure functions returning (KL, gradient), so each can be checked against finite differences.
/// </summary>
/// <remarks>
/// With Student-t weights w_ij = 1 / (1 + ‖yᵢ − yⱼ‖²), Z = Σ_{k≠l} w_kl and q_ij = w_ij / Z:
/// C = KL(P ‖ Q) = Σ p_ij log(p_ij / q_ij) and ∂C/∂yᵢ = 4 Σⱼ (α·p_ij − q_ij) w_ij (yᵢ − yⱼ)
/// = 4 [α Σⱼ p_ij w_ij (yᵢ − yⱼ) − (1/Z) Σⱼ w_ij² (yᵢ − yⱼ)] (attraction over the sparse P, repulsion over all pairs).
/// With α = 1 this is exactly ∂C/∂Y; with exaggeration α it is the usual exaggerated update direction.
/// Y is N×dims row-major float64; the returned KL always uses the unexaggerated P.
/// </remarks>
internal static class TsneObjective
{
    /// <summary>Exact O(N²·dims) KL and gradient: the oracle for the fast method.</summary>
    public static double Exact(TsneAffinities p, ReadOnlySpan<double> y, int dims, double exaggeration, Span<double> gradient)
    {
        int n = p.Count;
        var points = y.ToArray();
        var rowZ = new double[n];
        var repulsion = new double[n * dims];
        Parallel.For(0, n, i =>
        {
            double z = 0;
            Span<double> force = stackalloc double[dims];
            for (int j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                double d2 = 0;
                for (int c = 0; c < dims; c++)
                {
                    double diff = points[(i * dims) + c] - points[(j * dims) + c];
                    d2 += diff * diff;
                }

                double w = 1 / (1 + d2);
                z += w;
                for (int c = 0; c < dims; c++)
                {
                    force[c] += w * w * (points[(i * dims) + c] - points[(j * dims) + c]);
                }
            }

            rowZ[i] = z;
            force.CopyTo(repulsion.AsSpan(i * dims, dims));
        });
        double zTotal = rowZ.Sum();
        return Combine(p, points, dims, exaggeration, repulsion, zTotal, gradient, computeKl: true);
    }

    /// <summary>Barnes–Hut KL (when <paramref name="computeKl"/>, else NaN) and gradient for a 2-D embedding.</summary>
    /// <remarks>
    /// The quadtree build is serial and the attraction does not need the tree, so the two run side by side; then the
    /// repulsion traverses the tree. Each stage writes fixed rows, so the result does not depend on the thread count.
    /// </remarks>
    public static double BarnesHut(TsneAffinities p, double[] y, double exaggeration, double theta, Span<double> gradient, bool computeKl) =>
        BarnesHut(p, y, exaggeration, theta, gradient, computeKl, new TsneWorkspace(y.Length / 2));

    /// <summary>As the overload above, in the reused buffers of <paramref name="workspace"/> (one per optimisation run).</summary>
    public static double BarnesHut(
        TsneAffinities p, double[] y, double exaggeration, double theta, Span<double> gradient, bool computeKl, TsneWorkspace workspace)
    {
        double[] attraction = workspace.Attraction, repulsion = workspace.Repulsion;
        double kl = 0;
        Parallel.Invoke(() => workspace.Tree.Rebuild(y), () => kl = Attraction2D(p, y, attraction, computeKl));
        double z = TsneBarnesHut.Repulsion(workspace.Tree, y, theta, repulsion);
        double attractionScale = 4 * exaggeration, repulsionScale = 4 / z;
        for (int t = 0; t < y.Length; t++)
        {
            gradient[t] = (attractionScale * attraction[t]) - (repulsionScale * repulsion[t]);
        }

        return computeKl ? kl + Math.Log(z) : double.NaN;
    }

    /// <summary>Σⱼ p_ij w_ij (yᵢ − yⱼ) for every row (N×2) in fixed row chunks; returns Σ p log(p / w) when asked, else 0.</summary>
    private static double Attraction2D(TsneAffinities p, double[] y, double[] attraction, bool computeKl)
    {
        int n = p.Count, chunks = (n + RowChunk - 1) / RowChunk;
        int[] rowStart = p.RowStart, columns = p.Columns;
        double[] values = p.Values;
        var chunkKl = new double[chunks];
        Parallel.For(0, chunks, chunk =>
        {
            double kl = 0;
            int end = Math.Min(n, (chunk + 1) * RowChunk);
            for (int i = chunk * RowChunk; i < end; i++)
            {
                TsneAttraction.Row2D(i, y, rowStart, columns, values, out attraction[2 * i], out attraction[(2 * i) + 1]);
                if (computeKl)
                {
                    kl += TsneAttraction.RowKl(i, y, rowStart, columns, values);
                }
            }

            chunkKl[chunk] = kl;
        });
        double total = 0;
        foreach (double part in chunkKl)
        {
            total += part;
        }

        return total;
    }

    private const int RowChunk = 256;

    /// <summary>gradient = 4(α·attraction − repulsion / Z); KL = Σ p log p − Σ p log w + log Z over the stored p.</summary>
    /// <remarks>Rows are processed in fixed chunks, each writing its own rows and its own KL partial (summed in chunk order).</remarks>
    private static double Combine(
        TsneAffinities p, double[] y, int dims, double exaggeration, double[] repulsion, double z, Span<double> gradient, bool computeKl)
    {
        int n = p.Count, chunks = (n + RowChunk - 1) / RowChunk;
        var grad = new double[n * dims];
        var chunkKl = new double[chunks];
        int[] rowStart = p.RowStart, columns = p.Columns;
        double[] values = p.Values;
        double attractionScale = 4 * exaggeration, repulsionScale = 4 / z;
        Parallel.For(0, chunks, chunk =>
        {
            double kl = 0;
            Span<double> attraction = stackalloc double[dims];
            int end = Math.Min(n, (chunk + 1) * RowChunk);
            for (int i = chunk * RowChunk; i < end; i++)
            {
                attraction.Clear();
                for (int t = rowStart[i]; t < rowStart[i + 1]; t++)
                {
                    int j = columns[t];
                    double d2 = 0;
                    for (int c = 0; c < dims; c++)
                    {
                        double diff = y[(i * dims) + c] - y[(j * dims) + c];
                        d2 += diff * diff;
                    }

                    double w = 1 / (1 + d2), pw = values[t] * w;
                    for (int c = 0; c < dims; c++)
                    {
                        attraction[c] += pw * (y[(i * dims) + c] - y[(j * dims) + c]);
                    }

                    if (computeKl)
                    {
                        kl += values[t] * Math.Log(values[t] / w);
                    }
                }

                for (int c = 0; c < dims; c++)
                {
                    grad[(i * dims) + c] = (attractionScale * attraction[c]) - (repulsionScale * repulsion[(i * dims) + c]);
                }
            }

            chunkKl[chunk] = kl;
        });
        grad.CopyTo(gradient);
        if (!computeKl)
        {
            return double.NaN;
        }

        double total = 0;
        foreach (double part in chunkKl)
        {
            total += part;
        }

        return total + Math.Log(z);
    }
}
