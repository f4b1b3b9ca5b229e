using TorchSharp;

namespace LatentWorkbench.Latent;

/// <summary>
/// Fills hidden pixels of digits with what an autoencoder or a VAE makes of the visible ones: the iteration
/// x ← m ⊙ x_obs + (1 − m) ⊙ D(E(x)), which alternates between the decoder's image set and the images that agree with
/// the observed pixels.
/// </summary>
/// <remarks>
/// The mask m holds 1 for an observed pixel and 0 for a hidden one, [input] or [N, input]. D∘E sends an image to
/// (roughly) the nearest image the decoder can produce, and re-imposing the observed pixels is the exact projection
/// onto the affine set {x : m ⊙ x = m ⊙ x_obs}; alternating the two (projections onto convex sets, Bregman 1965;
/// used for image restoration by Youla &amp; Webb 1982) moves the hidden pixels towards a decodable image consistent with
/// what is seen. The decoder's set is not convex, so no convergence is guaranteed: the notebook judges the result.
/// </remarks>
public static class Inpainting
{
    /// <summary>The 0/1 mask of <paramref name="region"/> for flattened images [side²], float32: 1 observed, 0 hidden.</summary>
    public static torch.Tensor Mask(MaskRegion region, int side = 28, torch.Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(side, 2);
        var mask = torch.ones([side, side], dtype: torch.float32, device: device);
        switch (region)
        {
            case MaskRegion.BottomHalf:
                mask.narrow(0, side / 2, side - (side / 2)).zero_();
                break;
            case MaskRegion.CentreSquare:
                int size = side / 2, start = (side - size) / 2;
                mask.narrow(0, start, size).narrow(1, start, size).zero_();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(region), region, $"Valid regions: {string.Join(", ", Enum.GetNames<MaskRegion>())}.");
        }

        return mask.flatten();
    }

    /// <summary>
    /// The observed pixels of <paramref name="images"/> [N, input] kept and the hidden ones taken from
    /// <paramref name="fill"/> ([input] or [N, input]): m ⊙ images + (1 − m) ⊙ fill.
    /// </summary>
    public static torch.Tensor Compose(torch.Tensor images, torch.Tensor mask, torch.Tensor fill)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(fill);
        return (mask * images) + ((1 - mask) * fill);
    }

    /// <summary>
    /// <paramref name="iterations"/> steps of x ← m ⊙ x_obs + (1 − m) ⊙ D(E(x)) through <paramref name="codec"/>, starting
    /// from the hidden pixels set to <paramref name="initialFill"/> ([input], e.g. the mean training image, or [N, input]).
    /// Observed pixels are returned unchanged; zero iterations return the initial composition.
    /// </summary>
    /// <param name="codec">The model (an autoencoder's code, a VAE's μ); not a conditional one.</param>
    /// <param name="observed">The images, [N, input]; their hidden pixels are never read.</param>
    /// <param name="mask">1 observed, 0 hidden, [input] or [N, input].</param>
    /// <param name="initialFill">The hidden pixels' starting values.</param>
    /// <param name="iterations">Encode–decode passes, ≥ 0.</param>
    public static torch.Tensor Fill(LatentCodec codec, torch.Tensor observed, torch.Tensor mask, torch.Tensor initialFill, int iterations)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        if (codec.IsConditional)
        {
            throw new ArgumentException($"Inpainting with the {codec.Name} would need the label of the digit it fills; use an unconditional model.", nameof(codec));
        }

        using var noGrad = torch.no_grad();
        var x = Compose(observed, mask, initialFill);
        for (int i = 0; i < iterations; i++)
        {
            using var scope = torch.NewDisposeScope();
            var next = Compose(observed, mask, codec.Decode(codec.Encode(x)));
            x.Dispose();
            x = next.MoveToOuterDisposeScope();
        }

        return x;
    }

    /// <summary>Mean squared error over the hidden pixels only, per image, float64 [N]: Σ (1 − m)(x̂ − x)² / Σ (1 − m).</summary>
    public static torch.Tensor HiddenPixelError(torch.Tensor filled, torch.Tensor truth, torch.Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(filled);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(mask);
        using var scope = torch.NewDisposeScope();
        var hidden = (1 - mask).expand_as(truth).to(torch.float64);
        var squared = (filled.to(torch.float64) - truth.to(torch.float64)).pow(2) * hidden;
        return (squared.sum(1) / hidden.sum(1).clamp_min(1)).MoveToOuterDisposeScope();
    }
}
