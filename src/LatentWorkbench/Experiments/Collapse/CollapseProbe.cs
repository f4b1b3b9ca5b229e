namespace LatentWorkbench.Experiments.Collapse;

/// <summary>The test digits the collapse measures are taken on during training (part of <see cref="CollapseRunConfig"/>).</summary>
/// <param name="Count">The first this many test digits.</param>
/// <param name="Seed">Seed of the measures' draws.</param>
public sealed record CollapseProbe(int Count, long Seed);
