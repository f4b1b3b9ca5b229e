using LatentWorkbench.Nn;
using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Models.Vae;

/// <summary>
/// Variational autoencoder (Kingma &amp; Welling 2014, "Auto-Encoding Variational Bayes") with a Gaussian encoder
/// q(z|x) = N(μ(x), diag σ²(x)) and a Bernoulli decoder p(x|z) = Bernoulli(sigmoid(f(z))).
/// </summary>
/// <remarks>
/// Loss per batch (summed over samples, as the seed tutorial): BCE(x̂, x) + KL(q(z|x) ‖ N(0, I)), with
/// KL = −½ Σ (1 + log σ² − μ² − σ²) and z = μ + σ·ε, ε ~ N(0, I). BCE is computed on the logits (stable, same value).
/// Layer names follow pytorch/examples (fc1, fc21, fc22, fc3, fc4), so state dicts move between the two.
/// Variants (β-VAE, …) override <see cref="CombineTerms"/> or <see cref="Loss"/> only.
/// </remarks>
public class Vae : Autoencoder
{
    private readonly Linear _fc1;
    private readonly Linear _fc21;
    private readonly Linear _fc22;
    private readonly Linear _fc3;
    private readonly Linear _fc4;

    /// <summary>Builds the network with PyTorch's default initialization drawn from <paramref name="random"/>.</summary>
    public Vae(VaeConfig config, TensorRandom random)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(random);
        config.Validate();
        Config = config;
        _fc1 = RegisterModule("fc1", new Linear(config.InputDim, config.HiddenDim, random));
        _fc21 = RegisterModule("fc21", new Linear(config.HiddenDim, config.LatentDim, random));
        _fc22 = RegisterModule("fc22", new Linear(config.HiddenDim, config.LatentDim, random));
        _fc3 = RegisterModule("fc3", new Linear(config.LatentDim, config.HiddenDim, random));
        _fc4 = RegisterModule("fc4", new Linear(config.HiddenDim, config.InputDim, random));
    }

    /// <summary>The architecture.</summary>
    public VaeConfig Config { get; }

    /// <summary>μ and log σ² of q(z|x), each [N, latent].</summary>
    public (Tensor Mu, Tensor LogVariance) EncodeDistribution(Tensor x)
    {
        var h = Functional.Relu(_fc1.Forward(x));
        return (_fc21.Forward(h), _fc22.Forward(h));
    }

    /// <summary>The posterior mean μ(x).</summary>
    public override Tensor Encode(Tensor x) => EncodeDistribution(x).Mu;

    /// <summary>The decoder's logits f(z) [N, D] (before the sigmoid).</summary>
    public Tensor DecodeLogits(Tensor z) => _fc4.Forward(Functional.Relu(_fc3.Forward(z)));

    /// <summary>Pixel probabilities sigmoid(f(z)).</summary>
    public override Tensor Decode(Tensor z) => Functional.Sigmoid(DecodeLogits(z));

    /// <summary>z = μ + exp(½ log σ²)·ε with ε ~ N(0, I) (the reparameterization trick).</summary>
    public static Tensor Reparameterize(Tensor mu, Tensor logVariance, TensorRandom random)
    {
        ArgumentNullException.ThrowIfNull(mu);
        var epsilon = Tensor.Randn(random, [.. mu.Shape]);
        return Functional.Add(mu, Functional.Mul(epsilon, Functional.Exp(Functional.Scale(logVariance, 0.5f))));
    }

    /// <summary>BCE(sum) + KL(sum) on the batch; z is sampled, or z = μ when <paramref name="random"/> is null.</summary>
    public override ModelLoss Loss(Tensor batch, TensorRandom? random)
    {
        var (mu, logVariance) = EncodeDistribution(batch);
        var z = random is null ? mu : Reparameterize(mu, logVariance, random);
        var reconstruction = Functional.BinaryCrossEntropyWithLogits(DecodeLogits(z), batch, LossReduction.Sum);
        var kl = Functional.GaussianKl(mu, logVariance, LossReduction.Sum);
        return new ModelLoss(CombineTerms(reconstruction, kl), reconstruction, kl);
    }

    /// <summary>How the two terms combine: reconstruction + KL here; β-VAE returns reconstruction + β·KL.</summary>
    protected virtual Tensor CombineTerms(Tensor reconstruction, Tensor kl) => Functional.Add(reconstruction, kl);
}
