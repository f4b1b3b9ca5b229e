using System.Globalization;
using LatentWorkbench.Reduction.Pca;
using TorchSharp;

namespace LatentWorkbench.Figures.Explorer;

/// <summary>
/// Builds the latent planes of a <see cref="LatentExplorer"/> from its codes (float32 [N·k], row-major): the plane of
/// a 2-latent model itself, the plane of the codes' first two principal directions, or the plane of two given directions.
/// </summary>
/// <remarks>
/// Given directions are made orthonormal (Gram–Schmidt: d₂ loses its component along d₁), so a point's coordinates are
/// plain projections. The sliders of a plane span the rest of the latent space: for the principal plane the principal
/// directions 3…k (most spread first), otherwise the standard basis vectors completed by Gram–Schmidt.
/// </remarks>
internal static class ExplorerPlanes
{
    private const double Degenerate = 1e-6;   // a residual this short means the vector lies in the span already

    /// <summary>The latent plane of a 2-latent model: z = (a, b), no sliders.</summary>
    public static ExplorerView Identity(float[] codes, int k)
    {
        float[] e1 = Unit(k, 0), e2 = Unit(k, 1);
        return Plane("latent plane (z₁, z₂)", codes, k, new float[k], [e1, e2], ["z₁", "z₂"], []);
    }

    /// <summary>The plane through the codes' mean spanned by their first two principal directions; sliders along PC3…PCk.</summary>
    public static ExplorerView Principal(float[] codes, int k, double spread)
    {
        int n = codes.Length / k;
        using var data = torch.tensor(codes, [n, k]);
        var pca = new PcaReducer(new PcaOptions { Components = k }).Fit(data);
        var components = Enumerable.Range(0, pca.ComponentCount).Select(i =>
        {
            using var c = pca.Component(i);
            return c.data<float>().ToArray();
        }).ToList();
        float[] origin = [.. pca.Mean.Select(m => (float)m)];
        var sliders = components.Skip(2).Select((c, i) => Slider(Invariant($"PC{i + 3}"), c, codes, k, origin, spread)).ToList();
        return Plane("principal plane of the codes (PC1, PC2)", codes, k, origin, [components[0], components[1]], ["PC1", "PC2"], sliders);
    }

    /// <summary>The plane through the codes' mean spanned by <paramref name="d1"/> and <paramref name="d2"/> (made orthonormal).</summary>
    public static ExplorerView Given(string name, float[] codes, int k, float[] d1, float[] d2, double spread)
    {
        var basis = Orthonormal([d1, d2], k);
        if (basis.Count < 2)
        {
            throw new ArgumentException($"The directions of plane '{name}' must be two non-parallel, non-zero vectors.", nameof(d2));
        }

        float[] origin = Mean(codes, k);
        var rest = Orthonormal([.. basis, .. Enumerable.Range(0, k).Select(i => Unit(k, i))], k).Skip(2);
        var sliders = rest.Select((v, i) => Slider(Invariant($"{name} ⊥{i + 1}"), v, codes, k, origin, spread)).ToList();
        return Plane(name, codes, k, origin, [basis[0], basis[1]], ["a", "b"], sliders);
    }

    /// <summary>A slider along <paramref name="direction"/> (as given, not normalised) whose range is <paramref name="spread"/> s.d. of the codes along it.</summary>
    public static ExplorerSlider Slider(string name, float[] direction, float[] codes, int k, float[] origin, double spread)
    {
        double norm2 = direction.Sum(v => (double)v * v);
        if (norm2 < Degenerate)
        {
            throw new ArgumentException($"The direction of slider '{name}' is zero.", nameof(direction));
        }

        // s.d. of the coefficient t that best places each code along the direction: t = (z − origin)·v / |v|².
        var t = Project(codes, k, origin, direction).Select(p => p / norm2).ToArray();
        double mean = t.Average(), sd = Math.Sqrt(t.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, t.Length - 1));
        return new ExplorerSlider(name, direction, Math.Max(sd, 1e-3) * spread);
    }

    /// <summary>The mean code [k].</summary>
    public static float[] Mean(float[] codes, int k)
    {
        int n = codes.Length / k;
        var mean = new double[k];
        for (int i = 0; i < codes.Length; i++)
        {
            mean[i % k] += codes[i];
        }

        return [.. mean.Select(m => (float)(m / n))];
    }

    private static ExplorerView Plane(string name, float[] codes, int k, float[] origin, float[][] axes, string[] axisNames, IReadOnlyList<ExplorerSlider> sliders)
    {
        double[] a = Project(codes, k, origin, axes[0]), b = Project(codes, k, origin, axes[1]);
        var xy = new float[2 * a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            xy[2 * i] = (float)a[i];
            xy[(2 * i) + 1] = (float)b[i];
        }

        return new ExplorerView(name, true, xy, axisNames, origin, axes, sliders);
    }

    private static double[] Project(float[] codes, int k, float[] origin, float[] direction)
    {
        int n = codes.Length / k;
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int t = 0; t < k; t++)
            {
                sum += (codes[(i * k) + t] - origin[t]) * (double)direction[t];
            }

            result[i] = sum;
        }

        return result;
    }

    // Gram–Schmidt in order, dropping vectors already in the span of the earlier ones.
    private static List<float[]> Orthonormal(IEnumerable<float[]> vectors, int k)
    {
        var basis = new List<double[]>();
        foreach (var v in vectors)
        {
            if (v.Length != k)
            {
                throw new ArgumentException($"A direction has {v.Length} values; the codes have {k}.", nameof(vectors));
            }

            double[] r = [.. v.Select(x => (double)x)];
            foreach (var b in basis)
            {
                double dot = r.Zip(b, (x, y) => x * y).Sum();
                for (int i = 0; i < k; i++)
                {
                    r[i] -= dot * b[i];
                }
            }

            double norm = Math.Sqrt(r.Sum(x => x * x));
            if (norm > Degenerate)
            {
                basis.Add([.. r.Select(x => x / norm)]);
            }
        }

        return [.. basis.Select(b => b.Select(x => (float)x).ToArray())];
    }

    private static float[] Unit(int k, int index)
    {
        var e = new float[k];
        e[index] = 1;
        return e;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
