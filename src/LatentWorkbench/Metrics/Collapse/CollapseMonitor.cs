using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Metrics.Collapse;

/// <summary>
/// Measures posterior collapse on a fixed probe set after every epoch (<see cref="CollapseDiagnostics"/>): the KL, active
/// units and mutual information join the epoch's terms, so the curves are recorded in the run store with the losses.
/// </summary>
/// <param name="model">The VAE being trained (a function, so that a recipe can hand over the model it builds later).</param>
/// <param name="probe">The examples measured ([N, input], on the model's device); the same ones every epoch.</param>
/// <param name="seed">Seed of the MI draws (the same each epoch, so the curve shows the model changing, not the noise).</param>
public sealed class CollapseMonitor(Func<IVariationalAutoencoder> model, torch.Tensor probe, long seed = 0) : IEpochMeasure
{
    /// <summary>Measures <paramref name="model"/> on <paramref name="probe"/>.</summary>
    public CollapseMonitor(IVariationalAutoencoder model, torch.Tensor probe, long seed = 0)
        : this(() => model, probe, seed)
    {
    }

    /// <summary>Term name of the probe's mean KL per example.</summary>
    public const string Kl = "probe_kl";

    /// <summary>Term name of the active units.</summary>
    public const string ActiveUnits = "active_units";

    /// <summary>Term name of I(x; z).</summary>
    public const string MutualInformation = "mutual_information";

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Measure(int epoch)
    {
        var report = CollapseDiagnostics.Measure(model(), probe, seed);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [Kl] = report.Kl,
            [ActiveUnits] = report.ActiveUnits,
            [MutualInformation] = report.MutualInformation,
        };
    }
}
