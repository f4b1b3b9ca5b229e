using LatentWorkbench.Compute;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Latent;

/// <summary>
/// One trained encoder/decoder pair seen as a map between images and latent codes, whatever the model: an
/// autoencoder (its code), a VAE (the posterior mean μ, and σ), or a conditional VAE (μ of q(z|x, y), decoded with a label).
/// Every latent-space tool (interpolation, traversal, arithmetic, style transfer) works on such a codec.
/// </summary>
/// <remarks>
/// Images are flattened [N, input] and codes [N, latent], on the model's device. Every call runs in eval mode without
/// gradients, in sequential batches. <c>labels</c> ([N] integers) are required by a conditional model and ignored by the others.
/// </remarks>
public sealed class LatentCodec
{
    /// <summary>Rows per forward pass.</summary>
    public const int BatchSize = 1000;

    private readonly torch.nn.Module _module;
    private readonly Func<torch.Tensor, torch.Tensor?, (torch.Tensor Mean, torch.Tensor? LogVariance)> _encode;
    private readonly Func<torch.Tensor, torch.Tensor?, torch.Tensor> _decode;

    private LatentCodec(string name, int latentSize, bool isConditional, bool hasPosterior, torch.nn.Module module,
        Func<torch.Tensor, torch.Tensor?, (torch.Tensor, torch.Tensor?)> encode, Func<torch.Tensor, torch.Tensor?, torch.Tensor> decode)
    {
        (Name, LatentSize, IsConditional, HasPosterior, _module, _encode, _decode) = (name, latentSize, isConditional, hasPosterior, module, encode, decode);
    }

    /// <summary>What the codec wraps, for captions (e.g. <c>AE</c>, <c>VAE</c>).</summary>
    public string Name { get; }

    /// <summary>Latent dimensions.</summary>
    public int LatentSize { get; }

    /// <summary>True when encoding and decoding need labels (a conditional VAE).</summary>
    public bool IsConditional { get; }

    /// <summary>True when the encoder gives a posterior σ (VAEs), so traversals can step in its units.</summary>
    public bool HasPosterior { get; }

    /// <summary>The code of an autoencoder; it has no posterior.</summary>
    public static LatentCodec Of(IAutoencoder model, string name = "AE")
    {
        ArgumentNullException.ThrowIfNull(model);
        return new LatentCodec(name, model.CodeSize, false, false, model.Module, (x, _) => (model.Encode(x), null), (z, _) => model.Decode(z));
    }

    /// <summary>μ and σ of a VAE's q(z|x); decoding gives the Bernoulli means.</summary>
    public static LatentCodec Of(IVariationalAutoencoder model, string name = "VAE")
    {
        ArgumentNullException.ThrowIfNull(model);
        return new LatentCodec(name, model.LatentSize, false, true, model.Module, (x, _) => Split(model.Encode(x)), (z, _) => model.Decode(z));
    }

    /// <summary>μ and σ of a conditional VAE's q(z|x, y); decoding needs the label to render.</summary>
    public static LatentCodec Of(ConditionalVae model, string name = "CVAE")
    {
        ArgumentNullException.ThrowIfNull(model);
        return new LatentCodec(name, model.LatentSize, true, true, model, (x, y) => Split(model.Encode(x, y!)), (z, y) => model.Decode(z, y!));
    }

    /// <summary>The codes of <paramref name="images"/>: [N, input] → [N, latent] (μ for a VAE).</summary>
    public torch.Tensor Encode(torch.Tensor images, torch.Tensor? labels = null) =>
        Batched(images, labels, nameof(images), (x, y) => _encode(x, y).Mean);

    /// <summary>The posterior standard deviations σ of <paramref name="images"/>, [N, latent]; null for an autoencoder.</summary>
    public torch.Tensor? PosteriorStd(torch.Tensor images, torch.Tensor? labels = null) =>
        HasPosterior ? Batched(images, labels, nameof(images), (x, y) => (0.5 * _encode(x, y).LogVariance!).exp()) : null;

    /// <summary>The decoded images of <paramref name="codes"/>: [N, latent] → [N, input] pixels in the decoder's range.</summary>
    public torch.Tensor Decode(torch.Tensor codes, torch.Tensor? labels = null) => Batched(codes, labels, nameof(codes), _decode);

    /// <summary>As <see cref="Decode(torch.Tensor, torch.Tensor?)"/>, every row decoded with the one <paramref name="label"/>.</summary>
    public torch.Tensor Decode(torch.Tensor codes, int label)
    {
        using var labels = torch.full([codes.shape[0]], label, dtype: torch.int64, device: codes.device);
        return Decode(codes, labels);
    }

    private static (torch.Tensor, torch.Tensor?) Split(GaussianPosterior posterior) => (posterior.Mean, posterior.LogVariance);

    private torch.Tensor Batched(torch.Tensor rows, torch.Tensor? labels, string rowsName, Func<torch.Tensor, torch.Tensor?, torch.Tensor> pass)
    {
        ArgumentNullException.ThrowIfNull(rows, rowsName);
        if (rows.shape.Length != 2 || rows.shape[0] == 0)
        {
            throw new ArgumentException($"{rowsName} must be a non-empty [N, features] tensor; got shape [{string.Join(", ", rows.shape)}].", rowsName);
        }

        if (IsConditional && labels is null)
        {
            throw new ArgumentException($"The {Name} is conditional: encoding and decoding need one label per row of {rowsName}.", nameof(labels));
        }

        if (IsConditional && (labels!.shape.Length != 1 || labels.shape[0] != rows.shape[0]))
        {
            throw new ArgumentException($"labels must be [{rows.shape[0]}], one per row of {rowsName}; got shape [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        _module.eval();
        return Batches.Concat(rows.shape[0], BatchSize, (start, count) =>
            pass(rows.narrow(0, start, count), IsConditional ? labels!.narrow(0, start, count) : null));
    }
}
