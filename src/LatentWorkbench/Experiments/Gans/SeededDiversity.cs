using LatentWorkbench.Metrics.Collapse;

namespace LatentWorkbench.Experiments.Gans;

/// <summary>One sample set of the mode-collapse comparison, measured for one seed.</summary>
/// <param name="Name">The sample set: <see cref="GanDiversity.OtherTestDigits"/>, a GAN setting's name, or an extra set's.</param>
/// <param name="Seed">The seed of the models that drew the samples (and of their noise).</param>
/// <param name="Report">Classes covered, entropy, top share and Fréchet distance to the reference test digits.</param>
public sealed record SeededDiversity(string Name, long Seed, DiversityReport Report);
