using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Models.Classifiers;

/// <summary>
/// What a trained <see cref="ConvClassifier"/> says about many images at once: class probabilities, predicted
/// labels, accuracy and penultimate-layer features, in sequential batches, in eval mode, without gradients.
/// </summary>
/// <remarks>Images are flattened, [N, s²], on the model's device; results are on the same device.</remarks>
public static class ClassifierPredictions
{
    /// <summary>Images per forward pass unless told otherwise.</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>softmax of the logits, [N, classes]; each row sums to 1.</summary>
    public static torch.Tensor Probabilities(ConvClassifier model, torch.Tensor images, int batchSize = DefaultBatchSize) =>
        Batched(model, images, batchSize, x => torch.nn.functional.softmax(model.forward(x), 1));

    /// <summary>The most probable class of each image, [N] int64.</summary>
    public static torch.Tensor Predict(ConvClassifier model, torch.Tensor images, int batchSize = DefaultBatchSize) =>
        Batched(model, images, batchSize, x => model.forward(x).argmax(1));

    /// <summary>Penultimate-layer features (after <c>fc1</c>'s ReLU), [N, hidden]: the embedding a Fréchet distance compares.</summary>
    public static torch.Tensor Features(ConvClassifier model, torch.Tensor images, int batchSize = DefaultBatchSize) =>
        Batched(model, images, batchSize, model.Features);

    /// <summary>The fraction of images whose predicted class is their label, in [0, 1].</summary>
    /// <exception cref="ArgumentException"><paramref name="labels"/> does not have one entry per image.</exception>
    public static double Accuracy(ConvClassifier model, torch.Tensor images, torch.Tensor labels, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.shape.Length != 1 || labels.shape[0] != images.shape[0])
        {
            throw new ArgumentException($"labels must have one entry per image ({images.shape[0]}); got shape [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        using var predicted = Predict(model, images, batchSize);
        using var correct = predicted.eq(labels.to(predicted.device).to(torch.int64));
        return correct.to(torch.float64).mean().item<double>();
    }

    private static torch.Tensor Batched(ConvClassifier model, torch.Tensor images, int batchSize, Func<torch.Tensor, torch.Tensor> pass)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (images.shape.Length != 2 || images.shape[1] != model.Config.InputSize)
        {
            throw new ArgumentException($"images must be flattened, [N, {model.Config.InputSize}]; got shape [{string.Join(", ", images.shape)}].", nameof(images));
        }

        if (images.shape[0] == 0)
        {
            throw new ArgumentException("images has no rows.", nameof(images));
        }

        model.eval();
        return Batches.Concat(images.shape[0], batchSize, (start, count) => pass(images.narrow(0, start, count)));
    }
}
