using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// The base of every VAE variant (pythae's shape): the forward pass encode → reparameterise → decode is the one
/// every VAE runs (<see cref="VaeForward.Of"/>), and a variant overrides only its loss. The network (<see cref="Vae"/>,
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

    /// <summary>The network's forward pass on <paramref name="batch"/> (<see cref="VaeForward.Of"/>).</summary>
    public VaeForward Forward(torch.Tensor batch) => VaeForward.Of(Network, batch);

    /// <summary>The variant's loss of one forward pass, summed over the batch, with its named terms; by default the ELBO (<see cref="VaeLoss.Elbo"/>).</summary>
    protected virtual ModelLoss Loss(VaeForward forward, TrainingTime time)
    {
        ArgumentNullException.ThrowIfNull(forward);
        return VaeLoss.Elbo(forward.Logits, forward.X, forward.Posterior);
    }
}
