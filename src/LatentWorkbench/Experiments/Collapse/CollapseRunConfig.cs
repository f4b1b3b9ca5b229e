using LatentWorkbench.Models.Vaes;

namespace LatentWorkbench.Experiments.Collapse;

/// <summary>
/// The run-store key of a <see cref="CollapseExperiment"/> run: the chosen network's sizes, the KL regularisation and the
/// probe the collapse measures draw (their values are recorded with the run, so they are part of it).
/// </summary>
/// <param name="Model">The chosen network's sizes: the MLP's <see cref="VaeConfig"/> or the <see cref="AutoregressiveVaeConfig"/>.</param>
/// <param name="Regularization">The KL schedule and free bits.</param>
/// <param name="Probe">The measured test digits.</param>
/// <remarks>Its JSON is <c>{model, regularization, probe}</c>, the key runs were stored under before it was a record (the model written as its own fields).</remarks>
public sealed record CollapseRunConfig(VaeNetworkConfig Model, KlRegularization Regularization, CollapseProbe Probe);
