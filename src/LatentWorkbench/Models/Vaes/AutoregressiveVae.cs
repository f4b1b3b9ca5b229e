using LatentWorkbench.Compute;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// A VAE with a decoder strong enough to model digits without z: the seed VAE's MLP encoder, and a GRU that emits the
/// image row by row, each row's Bernoulli logits conditioned on all rows above it and on z (through the GRU's initial
/// state, as in Bowman et al. 2016). Trained on the plain ELBO it is the textbook setting of posterior collapse.
/// </summary>
/// <remarks>
/// Decoder: h₀ = tanh(W z + b); for rows r = 0…side−1, hᵣ₊₁ = GRU(x_{r−1}, hᵣ) with x₋₁ = 0, logits_r = V hᵣ₊₁ + c, so
/// row r sees z and rows &lt; r only (<see cref="ReconstructionLogits"/>, teacher forcing). <see cref="DecodeLogits"/>
/// has no x: it rolls out feeding back each row's probabilities (a mean-field rollout, for pictures; scoring uses the
/// teacher-forced logits). Shapes: x [B, side²], z [B, latent], GRU input [B, side, side].
/// </remarks>
public sealed class AutoregressiveVae : nn.Module<Tensor, (Tensor Logits, GaussianPosterior Posterior)>, IVariationalAutoencoder, ITeacherForcedDecoder
{
#pragma warning disable IDE1006, SA1300 // PyTorch's state_dict names
    private readonly Linear fc1;
    private readonly Linear fc21;
    private readonly Linear fc22;
    private readonly Linear latent_to_state;
    private readonly GRU rows;
    private readonly Linear row_logits;
#pragma warning restore IDE1006, SA1300

    /// <summary>Creates the layers with PyTorch's default initialisation from the global seed.</summary>
    public AutoregressiveVae(AutoregressiveVaeConfig? config = null)
        : base(nameof(AutoregressiveVae))
    {
        Config = config ?? new AutoregressiveVaeConfig();
        Config.Validate();
        TorchRuntime.EnsureInitialized();
        fc1 = nn.Linear(Config.InputSize, Config.EncoderHiddenSize);
        fc21 = nn.Linear(Config.EncoderHiddenSize, Config.LatentSize);
        fc22 = nn.Linear(Config.EncoderHiddenSize, Config.LatentSize);
        latent_to_state = nn.Linear(Config.LatentSize, Config.DecoderHiddenSize);
        rows = nn.GRU(Config.ImageSide, Config.DecoderHiddenSize, batchFirst: true);
        row_logits = nn.Linear(Config.DecoderHiddenSize, Config.ImageSide);
        RegisterComponents();
    }

    /// <summary>The sizes this model was built with.</summary>
    public AutoregressiveVaeConfig Config { get; }

    /// <inheritdoc/>
    public int LatentSize => Config.LatentSize;

    /// <inheritdoc/>
    public nn.Module Module => this;

    /// <inheritdoc/>
    public GaussianPosterior Encode(Tensor x)
    {
        var h1 = nn.functional.relu(fc1.forward(x.reshape(-1, Config.InputSize)));
        return new GaussianPosterior(fc21.forward(h1), fc22.forward(h1));
    }

    /// <inheritdoc/>
    public Tensor ReconstructionLogits(Tensor z, Tensor x)
    {
        int side = Config.ImageSide;
        var image = x.reshape(-1, side, side);
        var above = cat([zeros([image.shape[0], 1, side], dtype: image.dtype, device: image.device), image.narrow(1, 0, side - 1)], 1);
        var (states, _) = rows.forward(above, InitialState(z));
        return row_logits.forward(states).reshape(-1, Config.InputSize);
    }

    /// <inheritdoc/>
    /// <remarks>The mean-field rollout of the class remarks: row r is fed the sigmoid of row r−1's logits.</remarks>
    public Tensor DecodeLogits(Tensor z)
    {
        int side = Config.ImageSide;
        var state = InitialState(z);
        var input = zeros([z.shape[0], 1, side], dtype: z.dtype, device: z.device);
        var logits = new List<Tensor>(side);
        for (int r = 0; r < side; r++)
        {
            (var output, state) = rows.forward(input, state);
            var row = row_logits.forward(output);
            logits.Add(row);
            input = row.sigmoid();
        }

        return cat(logits, 1).reshape(-1, Config.InputSize);
    }

    /// <summary>Encodes, samples z, scores x with teacher forcing: (logits [B, side²], q(z|x)).</summary>
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

    private Tensor InitialState(Tensor z) => latent_to_state.forward(z).tanh().unsqueeze(0);
}
