using TorchSharp;

namespace LatentWorkbench.Metrics.Collapse;

/// <summary>
/// The Fréchet distance between two sets of features, each summarised as a Gaussian (the FID of Heusel et al. 2017 when the
/// features are Inception's; here a digit classifier's).
/// </summary>
/// <remarks>
/// d² = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁Σ₂)^½), the squared 2-Wasserstein distance between N(μ₁, Σ₁) and N(μ₂, Σ₂).
/// Tr (Σ₁Σ₂)^½ = Σᵢ √λᵢ with λᵢ the eigenvalues of the symmetric Σ₁^½ Σ₂ Σ₁^½ (tiny negative ones from rounding are
/// clipped to 0). Computed in float64; the result is d², as FID reports it.
/// </remarks>
public static class FrechetDistance
{
    /// <summary>d² between the Gaussians fitted to <paramref name="first"/> [N, d] and <paramref name="second"/> [M, d] (sample covariances, N − 1).</summary>
    public static double FromFeatures(torch.Tensor first, torch.Tensor second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.dim() != 2 || second.dim() != 2 || first.shape[1] != second.shape[1])
        {
            throw new ArgumentException($"Both feature sets must be [rows, d] with the same d; got [{string.Join(", ", first.shape)}] and [{string.Join(", ", second.shape)}].", nameof(second));
        }

        if (first.shape[0] < 2 || second.shape[0] < 2)
        {
            throw new ArgumentException("Each feature set needs at least 2 rows for a covariance.", first.shape[0] < 2 ? nameof(first) : nameof(second));
        }

        using var scope = torch.NewDisposeScope();
        var (m1, c1) = Moments(first);
        var (m2, c2) = Moments(second);
        return FromMoments(m1, c1, m2, c2);
    }

    /// <summary>d² between N(<paramref name="mean1"/>, <paramref name="covariance1"/>) and N(<paramref name="mean2"/>, <paramref name="covariance2"/>): means [d], covariances [d, d].</summary>
    public static double FromMoments(torch.Tensor mean1, torch.Tensor covariance1, torch.Tensor mean2, torch.Tensor covariance2)
    {
        ArgumentNullException.ThrowIfNull(mean1);
        ArgumentNullException.ThrowIfNull(covariance1);
        ArgumentNullException.ThrowIfNull(mean2);
        ArgumentNullException.ThrowIfNull(covariance2);
        using var scope = torch.NewDisposeScope();
        var mu1 = mean1.to_type(torch.float64);
        var mu2 = mean2.to_type(torch.float64);
        var s1 = covariance1.to_type(torch.float64);
        var s2 = covariance2.to_type(torch.float64);
        var root1 = SymmetricSquareRoot(s1);
        var eigenvalues = torch.linalg.eigvalsh(root1.matmul(s2).matmul(root1));
        double traceRoot = eigenvalues.clamp_min(0).sqrt().sum().item<double>();
        double meanTerm = (mu1 - mu2).pow(2).sum().item<double>();
        return meanTerm + s1.trace().item<double>() + s2.trace().item<double>() - (2 * traceRoot);
    }

    private static (torch.Tensor Mean, torch.Tensor Covariance) Moments(torch.Tensor features)
    {
        var x = features.to_type(torch.float64);
        var mean = x.mean([0L]);
        var centred = x - mean;
        return (mean, centred.t().matmul(centred) / (x.shape[0] - 1));
    }

    // S^½ = V diag(√λ) Vᵀ for symmetric positive semi-definite S (eigenvalues clipped at 0).
    private static torch.Tensor SymmetricSquareRoot(torch.Tensor s)
    {
        var (values, vectors) = torch.linalg.eigh(s);
        return vectors.matmul(torch.diag(values.clamp_min(0).sqrt())).matmul(vectors.t());
    }
}
