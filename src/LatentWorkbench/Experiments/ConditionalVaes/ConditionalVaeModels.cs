using LatentWorkbench.Data;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.ConditionalVaes;

/// <summary>The plain and the fully conditional VAE trained (or loaded) with one seed.</summary>
/// <param name="Seed">The seed both were trained with.</param>
/// <param name="Plain">The plain conditional VAE's run (label at the decoder's input only, β = 1).</param>
/// <param name="FullyConditional">The fully conditional variant's run (label at every decoder layer, β of the options).</param>
public sealed record ConditionalVaeModels(long Seed, ConditionalVaeExperimentResult Plain, ConditionalVaeExperimentResult FullyConditional)
{
    /// <summary>How many of the two were trained by this call.</summary>
    public int Trained => (Plain.FromCache ? 0 : 1) + (FullyConditional.FromCache ? 0 : 1);

    /// <summary>How many of the two were loaded from the run store.</summary>
    public int Loaded => 2 - Trained;

    /// <summary>Trains (or loads from <paramref name="store"/>) both models of <paramref name="options"/>, with live progress while one trains.</summary>
    public static ConditionalVaeModels Train(ConditionalVaeExperimentOptions options, MnistData mnist, RunStore? store)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plain = ConditionalVaeExperiment.Run(options, mnist, [new TrainingProgress($"conditional VAE, seed {options.Seed}", options.Training.Epochs)], store);
        var full = ConditionalVaeExperiment.RunFullyConditional(options, mnist, [new TrainingProgress($"fully conditional VAE, seed {options.Seed}", options.Training.Epochs)], store);
        return new ConditionalVaeModels(options.Seed, plain, full);
    }
}
