using LatentWorkbench.Models.Gans;

namespace LatentWorkbench.Experiments.Gans;

/// <summary>One GAN of the mode-collapse study.</summary>
/// <param name="Name">Shown in tables and grids, e.g. <c>spectral norm</c>.</param>
/// <param name="Config">The networks, the discriminator's normalisation and dropout, and the two learning rates.</param>
public sealed record GanSetting(string Name, GanConfig Config);
