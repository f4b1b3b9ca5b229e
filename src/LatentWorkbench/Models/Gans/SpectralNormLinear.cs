using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Gans;

/// <summary>
/// A linear layer whose weight is divided by its largest singular value (spectral normalisation, Miyato et al. 2018), so
/// that the layer is 1-Lipschitz: y = x (W / σ(W))ᵀ + b.
/// </summary>
/// <remarks>
/// σ(W) is estimated by power iteration as in PyTorch's <c>spectral_norm</c>: a unit vector u [out] is kept between calls
/// (buffer <c>weight_u</c>); each forward pass in training mode refines it once, v = Wᵀu / ‖Wᵀu‖, u = Wv / ‖Wv‖, without
/// gradients, and σ = uᵀWv is differentiated through W only. In eval mode u is used as it stands, so a trained layer gives
/// the same output every time. The weight and bias keep <see cref="Linear"/>'s initialisation and names
/// (<c>linear.weight</c>, <c>linear.bias</c>).
/// </remarks>
public sealed class SpectralNormLinear : nn.Module<Tensor, Tensor>
{
    /// <summary>Keeps the normalisations finite when a vector is 0 (PyTorch's default eps).</summary>
    private const double Epsilon = 1e-12;

#pragma warning disable IDE1006, SA1300 // PyTorch's state_dict names
    private readonly Linear linear;
    private readonly Tensor weight_u;
#pragma warning restore IDE1006, SA1300

    /// <summary>A layer <paramref name="inputSize"/> → <paramref name="outputSize"/>, u drawn from N(0, I) with the global generator and normalised.</summary>
    public SpectralNormLinear(long inputSize, long outputSize)
        : base(nameof(SpectralNormLinear))
    {
        linear = nn.Linear(inputSize, outputSize);
        weight_u = nn.functional.normalize(randn(outputSize), p: 2, dim: 0, eps: Epsilon);
        RegisterComponents();
    }

    /// <summary>The current estimate of the weight's largest singular value σ(W) (no gradient).</summary>
    public double SpectralNorm
    {
        get
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            return Sigma(linear.weight!, weight_u).item<float>();
        }
    }

    /// <summary>[B, in] → [B, out] with the normalised weight.</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        var weight = linear.weight!;
        var u = weight_u;
        if (training)
        {
            using (no_grad())
            {
                var v = nn.functional.normalize(weight.t().mv(u), p: 2, dim: 0, eps: Epsilon);
                weight_u.copy_(nn.functional.normalize(weight.mv(v), p: 2, dim: 0, eps: Epsilon));
            }

            // The graph keeps its own copy: the next forward pass refines weight_u in place before this one's backward.
            u = weight_u.clone();
        }

        return nn.functional.linear(input, weight / Sigma(weight, u), linear.bias).MoveToOuterDisposeScope();
    }

    private static Tensor Sigma(Tensor weight, Tensor u)
    {
        Tensor v;
        using (no_grad())
        {
            v = nn.functional.normalize(weight.t().mv(u), p: 2, dim: 0, eps: Epsilon);
        }

        return u.dot(weight.mv(v));
    }
}
