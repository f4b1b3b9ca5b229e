using LatentWorkbench.Models.Vaes;

namespace LatentWorkbench.Experiments.Collapse;

/// <summary>One VAE of the collapse study: its decoder and how its KL term is weighted.</summary>
/// <param name="Name">Shown in tables and legends, e.g. <c>KL warm-up</c>.</param>
/// <param name="Decoder">The model.</param>
/// <param name="Regularization">The KL schedule and free bits (the remedy, if any).</param>
public sealed record CollapseSetting(string Name, CollapseDecoder Decoder, KlRegularization Regularization);
