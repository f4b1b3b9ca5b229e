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
    public static double BarnesHut(TsneAffinities p, double[] y, double exaggeration, double theta, Span<double> gradient, bool computeKl)
    {
        var repulsion = new double[y.Length];
        double z = TsneBarnesHut.Repulsion(y, theta, repulsion);
        return Combine(p, y, 2, exaggeration, repulsion, z, gradient, computeKl);
    }

    /// <summary>gradient = 4(attraction − repulsion / Z); KL = Σ p log p − Σ p log w + log Z over the stored p.</summary>
    private static double Combine(
        TsneAffinities p, double[] y, int dims, double exaggeration, double[] repulsion, double z, Span<double> gradient, bool computeKl)
    {
        int n = p.Count;
        var grad = new double[n * dims];
        var rowKl = new double[n];
        Parallel.For(0, n, i =>
        {
            Span<double> attraction = stackalloc double[dims];
            double kl = 0;
            for (int t = p.RowStart[i]; t < p.RowStart[i + 1]; t++)
            {
                int j = p.Columns[t];
                double d2 = 0;
                for (int c = 0; c < dims; c++)
                {
                    double diff = y[(i * dims) + c] - y[(j * dims) + c];
                    d2 += diff * diff;
                }

                double w = 1 / (1 + d2), pij = p.Values[t];
                for (int c = 0; c < dims; c++)
                {
                    attraction[c] += pij * w * (y[(i * dims) + c] - y[(j * dims) + c]);
                }

                if (computeKl && pij > 0)
                {
                    kl += pij * (Math.Log(pij) - Math.Log(w));
                }
            }

            for (int c = 0; c < dims; c++)
            {
                grad[(i * dims) + c] = 4 * ((exaggeration * attraction[c]) - (repulsion[(i * dims) + c] / z));
            }

            rowKl[i] = kl;
        });
        grad.CopyTo(gradient);
        return computeKl ? rowKl.Sum() + Math.Log(z) : double.NaN;
    }
}
