namespace LatentWorkbench.Training;

/// <summary>
/// What identifies a trained run in the run store (<see cref="ModelRecipe{TModel, TConfig}.CacheKey"/>): everything that
/// changes the trained weights, and nothing else (not the device, not where the checkpoint goes). Its canonical JSON,
/// with the model name, is hashed into <see cref="Runs.RunKey.ConfigHash"/>.
/// </summary>
/// <typeparam name="TConfig">The model's configuration record.</typeparam>
/// <param name="Model">The model's configuration.</param>
/// <param name="Training">Epochs, batch size, shuffling, clipping (without a checkpoint path).</param>
/// <param name="Optimizer">Optimiser and schedule.</param>
/// <param name="Seed">The <c>torch.manual_seed</c> before the model is built.</param>
/// <param name="Data">The training data's key (<see cref="TrainingData.Key"/>).</param>
public sealed record RunCacheKey<TConfig>(TConfig Model, TrainerOptions Training, OptimizerOptions Optimizer, long Seed, string Data)
    where TConfig : notnull;
