using System.Text.Json.Serialization;
using LatentWorkbench.Models.Vaes;

namespace LatentWorkbench.Experiments.Collapse;

/// <summary>
/// The run-store key of a <see cref="CollapseExperiment"/> run: the chosen network's sizes, the KL regularisation and the
/// probe the collapse measures draw (their values are recorded with the run, so they are part of it).
/// </summary>
/// <param name="Decoder">Which network; only its sizes enter the key (<see cref="Model"/>).</param>
/// <param name="Mlp">The MLP network's sizes.</param>
/// <param name="Autoregressive">The autoregressive network's sizes.</param>
/// <param name="Regularization">The KL schedule and free bits.</param>
/// <param name="Probe">The measured test digits.</param>
/// <remarks>Its JSON is <c>{model, regularization, probe}</c>, the key runs were stored under before it was a record.</remarks>
public sealed record CollapseRunConfig(
    [property: JsonIgnore] CollapseDecoder Decoder,
    [property: JsonIgnore] VaeConfig Mlp,
    [property: JsonIgnore] AutoregressiveVaeConfig Autoregressive,
    KlRegularization Regularization,
    CollapseProbe Probe)
{
    /// <summary>The chosen network's sizes, as the key writes them (a <see cref="VaeConfig"/> or an <see cref="AutoregressiveVaeConfig"/>).</summary>
    public object Model => Decoder == CollapseDecoder.Autoregressive ? Autoregressive : Mlp;
}
