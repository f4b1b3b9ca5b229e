using LatentWorkbench.Compute;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// The seed VAE, exactly pytorch/examples vae/main.py: fc1 (input→hidden, ReLU), fc21/fc22 (hidden→μ, log σ²),
/// fc3 (latent→hidden, ReLU), fc4 (hidden→input, sigmoid); loss BCE(sum) + KL(sum) (Kingma &amp; Welling 2014).
/// </summary>
/// <remarks>
/// Parameter names are PyTorch's <c>state_dict</c> names (<c>fc1.weight</c>, …), so a checkpoint saved with
/// <see cref="Training.Checkpoint"/> loads into the example's <c>VAE</c> with <c>load_state_dict</c> and back.
/// The decoder returns logits and the loss fuses the sigmoid (<c>binary_cross_entropy_with_logits</c>), which is
/// the example's loss computed stably.
/// </remarks>
public sealed class Vae : nn.Module<Tensor, (Tensor Logits, GaussianPosterior Posterior)>, IVariationalAutoencoder
{
    // Field names are the state_dict names: keep them as in the PyTorch example.
#pragma warning disable IDE1006, SA1300 // PyTorch's names
    private readonly Linear fc1;
    private readonly Linear fc21;
    private readonly Linear fc22;
    private readonly Linear fc3;
    private readonly Linear fc4;
#pragma warning restore IDE1006, SA1300

    /// <summary>Creates the layers with PyTorch's default initialisation from the global seed (<c>torch.manual_seed</c>).</summary>
    public Vae(VaeConfig? config = null)
        : base(nameof(Vae))
    {
        Config = config ?? new VaeConfig();
        Config.Validate();
        TorchRuntime.EnsureInitialized();
        fc1 = nn.Linear(Config.InputSize, Config.HiddenSize);
        fc21 = nn.Linear(Config.HiddenSize, Config.LatentSize);
        fc22 = nn.Linear(Config.HiddenSize, Config.LatentSize);
        fc3 = nn.Linear(Config.LatentSize, Config.HiddenSize);
        fc4 = nn.Linear(Config.HiddenSize, Config.InputSize);
        RegisterComponents();
    }

    /// <summary>The sizes this model was built with.</summary>
    public VaeConfig Config { get; }

    /// <inheritdoc/>
    public int LatentSize => Config.LatentSize;

    /// <inheritdoc/>
    public nn.Module Module => this;

    /// <inheritdoc/>
    public GaussianPosterior Encode(Tensor x)
    {
        var h1 = nn.functional.relu(fc1.forward(x.view(-1, Config.InputSize)));
        return new GaussianPosterior(fc21.forward(h1), fc22.forward(h1));
    }

    /// <inheritdoc/>
    public Tensor DecodeLogits(Tensor z) => fc4.forward(nn.functional.relu(fc3.forward(z)));

    /// <summary>Encodes, samples z with the reparameterisation trick, decodes: (logits [B, input], q(z|x)).</summary>
    public override (Tensor Logits, GaussianPosterior Posterior) forward(Tensor input)
    {
        var pass = VaeForward.Of(this, input);
        return (pass.Logits, pass.Posterior);
    }

    /// <inheritdoc/>
    public ModelLoss Loss(Tensor batch)
    {
        var pass = VaeForward.Of(this, batch);
        return VaeLoss.Elbo(pass.Logits, pass.X, pass.Posterior);
    }
}
