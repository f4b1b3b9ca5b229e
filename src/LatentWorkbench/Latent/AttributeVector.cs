using TorchSharp;

namespace LatentWorkbench.Latent;

/// <summary>
/// A direction in latent space along which a measured image attribute (stroke thickness, slant) grows: the least-squares
/// fit attribute ≈ w·z + b over many codes, and its unit vector w/‖w‖.
/// </summary>
/// <param name="Name">What the attribute is (for captions).</param>
/// <param name="Weights">w, [latent] (float64): the attribute's change per unit of each latent dimension.</param>
/// <param name="Intercept">b.</param>
/// <param name="RSquared">Fraction of the attribute's variance the linear fit explains, in [0, 1] on the fitted data.</param>
/// <param name="ProjectionStd">Standard deviation of the fitted codes along <see cref="Direction"/>: the natural traversal unit.</param>
public sealed record AttributeVector(string Name, torch.Tensor Weights, double Intercept, double RSquared, double ProjectionStd)
{
    /// <summary>w/‖w‖, [latent] (float64): stepping along it raises the predicted attribute by ‖w‖ per unit.</summary>
    public torch.Tensor Direction => Weights / Weights.norm();

    /// <summary>Fits attribute ≈ w·z + b by least squares over <paramref name="codes"/> [N, latent] and <paramref name="values"/> [N].</summary>
    /// <exception cref="ArgumentException">Shapes disagree, there are fewer codes than latent dimensions + 1, or the values are constant.</exception>
    public static AttributeVector Fit(string name, torch.Tensor codes, torch.Tensor values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(values);
        if (codes.shape.Length != 2 || values.shape.Length != 1 || values.shape[0] != codes.shape[0])
        {
            throw new ArgumentException($"codes must be [N, latent] and values [N]; got [{string.Join(", ", codes.shape)}] and [{string.Join(", ", values.shape)}].", nameof(values));
        }

        long n = codes.shape[0], d = codes.shape[1];
        if (n < d + 1)
        {
            throw new ArgumentException($"{n} codes cannot determine {d} weights and an intercept; give at least {d + 1}.", nameof(codes));
        }

        using var scope = torch.NewDisposeScope();
        var z = codes.to(torch.float64).cpu();
        var y = values.to(torch.float64).cpu();
        double total = (y - y.mean()).pow(2).sum().item<double>();
        if (!(total > 0))
        {
            throw new ArgumentException($"The {name} values are all equal; there is no direction to find.", nameof(values));
        }

        var design = torch.cat([z, torch.ones([n, 1], dtype: torch.float64)], 1);   // [N, latent + 1]
        var solution = torch.linalg.lstsq(design, y.unsqueeze(1)).Solution.squeeze(1);   // [latent + 1]
        var weights = solution.narrow(0, 0, d);
        double intercept = solution[d].item<double>();
        double residual = (y - design.matmul(solution)).pow(2).sum().item<double>();
        double norm = weights.norm().item<double>();
        double projectionStd = norm > 0 ? z.matmul(weights / norm).std().item<double>() : 0;
        return new AttributeVector(name, weights.to(codes.device).MoveToOuterDisposeScope(), intercept, 1 - (residual / total), projectionStd);
    }

    /// <summary>The fitted attribute w·z + b of codes [N, latent], [N] (float64).</summary>
    public torch.Tensor Predict(torch.Tensor codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return codes.to(torch.float64).to(Weights.device).matmul(Weights) + Intercept;
    }
}
