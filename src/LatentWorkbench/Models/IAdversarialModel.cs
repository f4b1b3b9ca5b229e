using TorchSharp;

namespace LatentWorkbench.Models;

/// <summary>
/// A model the <see cref="Training.Trainer"/> fits adversarially (a GAN): a generator and a discriminator, each with its
/// own loss and optimiser, alternated per mini-batch.
/// </summary>
/// <remarks><see cref="ITorchModel.Module"/> holds both as submodules (<c>generator.*</c>, <c>discriminator.*</c>), so one
/// checkpoint saves and loads the pair.</remarks>
public interface IAdversarialModel : ITorchModel
{
    /// <summary>The generator: noise → examples.</summary>
    torch.nn.Module Generator { get; }

    /// <summary>The discriminator: examples → real/fake logits.</summary>
    torch.nn.Module Discriminator { get; }

    /// <summary>The two optimisers (discriminator's, generator's), over each submodule's parameters; their settings are
    /// part of the model's configuration (so of the run store's key).</summary>
    (torch.optim.Optimizer Discriminator, torch.optim.Optimizer Generator) CreateOptimizers();

    /// <summary>The discriminator's loss on <paramref name="real"/> ([B, …]) and B generated examples, summed over the batch (generated examples detached).</summary>
    ModelLoss DiscriminatorLoss(torch.Tensor real);

    /// <summary>The generator's loss on <paramref name="count"/> fresh generated examples, summed over them.</summary>
    ModelLoss GeneratorLoss(long count);
}
