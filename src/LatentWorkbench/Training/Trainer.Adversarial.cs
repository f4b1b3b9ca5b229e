using LatentWorkbench.Models;
using TorchSharp;

namespace LatentWorkbench.Training;

public sealed partial class Trainer
{
    /// <summary>
    /// Trains a GAN on <paramref name="data"/> ([N, …], on the model's device): per mini-batch one discriminator step on
    /// the real batch and as many generated examples, then one generator step, each with its own optimiser; the epoch,
    /// shuffling, NaN guard, checkpoint and callbacks are those of every other model.
    /// </summary>
    /// <param name="model">The generator and discriminator with their losses.</param>
    /// <param name="discriminatorOptimizer">Updates the discriminator's parameters only.</param>
    /// <param name="generatorOptimizer">Updates the generator's parameters only.</param>
    /// <param name="data">Real examples [N, …].</param>
    /// <param name="cancellationToken">Stops training between steps.</param>
    /// <remarks>
    /// The reported loss of a step is the discriminator's plus the generator's, with both models' terms. The generator's
    /// backward pass also leaves gradients in the discriminator; they are cleared before its next step. A NaN in the
    /// generator loss is caught after that step's discriminator update.
    /// </remarks>
    /// <exception cref="NonFiniteTrainingException">A loss became NaN or infinite.</exception>
    public IReadOnlyList<EpochReport> Fit(
        IAdversarialModel model, torch.optim.Optimizer discriminatorOptimizer, torch.optim.Optimizer generatorOptimizer, torch.Tensor data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(discriminatorOptimizer);
        ArgumentNullException.ThrowIfNull(generatorOptimizer);
        ArgumentNullException.ThrowIfNull(data);
        var discriminatorParameters = model.Discriminator.parameters().ToArray();
        var generatorParameters = model.Generator.parameters().ToArray();
        TrainingStep step = (batch, epoch, stepInEpoch, _) =>
        {
            discriminatorOptimizer.zero_grad();
            var discriminator = model.DiscriminatorLoss(batch[0]);
            double discriminatorValue = Minimise(discriminator, discriminatorParameters, discriminatorOptimizer, epoch, stepInEpoch);
            generatorOptimizer.zero_grad();
            var generator = model.GeneratorLoss(batch[0].shape[0]);
            double generatorValue = Minimise(generator, generatorParameters, generatorOptimizer, epoch, stepInEpoch);
            return (discriminatorValue + generatorValue, [.. discriminator.Terms, .. generator.Terms]);
        };
        return Run(model.Module, [data], step, [], cancellationToken);
    }
}
