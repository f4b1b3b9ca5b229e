namespace LatentWorkbench.Runs.Comparison;

/// <summary>One completed run as a row of a <see cref="RunComparison"/>.</summary>
/// <param name="Run">The run as the store holds it.</param>
/// <param name="Config">Its config as flat fields (dotted name → <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="bool"/> or null).</param>
/// <param name="Metrics">Its final metrics (the last recorded epoch's).</param>
public sealed record ComparedRun(RunRecord Run, IReadOnlyDictionary<string, object?> Config, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>The run's model name in the store, e.g. <c>vae</c> or <c>conv-iwae</c>.</summary>
    public string Family => Run.Model;
}
