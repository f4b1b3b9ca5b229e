using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// The base of every VAE variant (pythae's shape): it writes encode → reparameterise → decode once
/// (<see cref="Forward"/>), and a variant overrides only its loss. The network (<see cref="Vae"/>,
/// <see cref="ConvVae"/>, <see cref="AutoregressiveVae"/>, …) is the module, so parameters, state-dict names,
/// checkpoints, train/eval and device are the network's.
/// </summary>
/// <remarks>
/// A variant with a loss of one sample overrides <see cref="Loss(VaeForward, TrainingTime)"/>; one that draws its own
/// samples (<see cref="Iwae"/>) overrides <see cref="Loss(torch.Tensor, TrainingTime)"/>. The trainer passes the
/// <see cref="TrainingTime"/>, so a step-dependent term (<see cref="KlRegularizedVae"/>) needs no callback. Its config is
/// a <see cref="VaeVariantConfig"/>.
/// </remarks>
public abstract class VaeVariant : IVariationalAutoencoder
{
    /// <summary>Wraps <paramref name="network"/>.</summary>
    protected VaeVariant(IVariationalAutoencoder network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
    }

    /// <summary>The network: encoder, decoder and every parameter.</summary>
    public IVariationalAutoencoder Network { get; }

    /// <inheritdoc/>
    public torch.nn.Module Module => Network.Module;

    /// <inheritdoc/>
    public int LatentSize => Network.LatentSize;

    /// <inheritdoc/>
    public GaussianPosterior Encode(torch.Tensor x) => Network.Encode(x);

    /// <inheritdoc/>
    public torch.Tensor DecodeLogits(torch.Tensor z) => Network.DecodeLogits(z);

    /// <summary>The loss before training's first step (<see cref="TrainingTime.Start"/>).</summary>
    public ModelLoss Loss(torch.Tensor batch) => Loss(batch, TrainingTime.Start);

    /// <summary>The loss of <paramref name="batch"/> at <paramref name="time"/>: by default the loss of one <see cref="Forward"/> pass.</summary>
    public virtual ModelLoss Loss(torch.Tensor batch, TrainingTime time) => Loss(Forward(batch), time);

    /// <summary>
    /// Encodes <paramref name="batch"/> to q(z|x), draws z = μ + ε·σ (one ε ~ N(0, I) per example from torch's global
    /// generator) and decodes it; an autoregressive decoder (<see cref="ITeacherForcedDecoder"/>) is scored with x fed in.
    /// </summary>
    public VaeForward Forward(torch.Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var posterior = Network.Encode(batch);
        var z = posterior.Sample();
        var x = batch.reshape(batch.shape[0], -1);
        var logits = Network is ITeacherForcedDecoder autoregressive ? autoregressive.ReconstructionLogits(z, x) : Network.DecodeLogits(z);
        return new VaeForward(x, posterior, z, logits);
    }

    /// <summary>The variant's loss of one forward pass, summed over the batch, with its named terms; by default the ELBO (<see cref="VaeLoss.Elbo"/>).</summary>
    protected virtual ModelLoss Loss(VaeForward forward, TrainingTime time)
    {
        ArgumentNullException.ThrowIfNull(forward);
        return VaeLoss.Elbo(forward.Logits, forward.X, forward.Posterior);
    }
}
