using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Models.Autoencoders;

/// <summary>The reconstruction term of an autoencoder's loss and the held-out squared error per image.</summary>
public static class AutoencoderLoss
{
    /// <summary>Name of the reconstruction term in <see cref="ModelLoss.Terms"/>.</summary>
    public const string Reconstruction = "reconstruction";

    /// <summary>The loss of reconstructing <paramref name="target"/> from the decoder's pre-activation, summed over pixels and batch.</summary>
    /// <param name="preActivation">[B, input]: logits (sigmoid output) or pixels (identity output).</param>
    /// <param name="target">The clean input, [B, input].</param>
    /// <param name="loss">BCE with logits or squared error of the decoded pixels.</param>
    /// <param name="output">The decoder's output activation; BCE needs <see cref="OutputActivation.Sigmoid"/>.</param>
    public static ModelLoss Compute(torch.Tensor preActivation, torch.Tensor target, ReconstructionLoss loss, OutputActivation output)
    {
        var value = loss switch
        {
            ReconstructionLoss.BinaryCrossEntropy when output == OutputActivation.Sigmoid =>
                torch.nn.functional.binary_cross_entropy_with_logits(preActivation, target, reduction: torch.nn.Reduction.Sum),
            ReconstructionLoss.BinaryCrossEntropy =>
                throw new ArgumentException("Binary cross-entropy needs a sigmoid output; use SquaredError with an identity output.", nameof(loss)),
            ReconstructionLoss.SquaredError => (Pixels(preActivation, output) - target).pow(2).sum(),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Expected BinaryCrossEntropy or SquaredError."),
        };
        return new ModelLoss(value, [new(Reconstruction, value)]);
    }

    /// <summary>The pixels for a pre-activation: sigmoid or identity.</summary>
    public static torch.Tensor Pixels(torch.Tensor preActivation, OutputActivation output) =>
        output == OutputActivation.Sigmoid ? preActivation.sigmoid() : preActivation;

    /// <summary>The test squared error per image, (1/N) Σₙ Σⱼ (xₙⱼ − x̂ₙⱼ)², in sequential batches without gradients (eval mode).</summary>
    /// <remarks>The measure of Hinton &amp; Salakhutdinov 2006 (Science 313, Fig. 2 / text: MNIST 784-1000-500-250-30 autoencoder, 3.00).</remarks>
    /// <param name="model">The trained autoencoder.</param>
    /// <param name="data">Examples [N, input] on the model's device.</param>
    /// <param name="batchSize">Examples per forward pass.</param>
    public static double SquaredErrorPerImage(IAutoencoder model, torch.Tensor data, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        long n = data.shape[0];
        if (n == 0)
        {
            throw new ArgumentException("The data has no examples.", nameof(data));
        }

        model.Module.eval();
        double sum = Batches.Sum(n, batchSize, (start, count) =>
        {
            var x = data.narrow(0, start, count).reshape(-1, model.InputSize);
            return (model.Reconstruct(x) - x).pow(2).sum();
        });
        return sum / n;
    }
}
