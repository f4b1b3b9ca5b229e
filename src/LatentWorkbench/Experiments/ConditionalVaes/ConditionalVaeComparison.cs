using LatentWorkbench.Data;
using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Reporting;

namespace LatentWorkbench.Experiments.ConditionalVaes;

/// <summary>
/// Notebook 05's plain-against-fully-conditional comparison over seeds: each seed's two models scored by
/// <see cref="ConditionalVaeScores.Measure"/> (the label probe, prior and transfer accuracy) as mean ± s.d.
/// </summary>
public static class ConditionalVaeComparison
{
    /// <summary>The plain model's row.</summary>
    public const string PlainRow = "plain CVAE";

    /// <summary>The fully conditional variant's row.</summary>
    public const string FullyConditionalRow = "fully conditional CVAE";

    /// <summary>The metric of <see cref="ConditionalVaeScores.ProbeAccuracy"/> (chance: 1/classes).</summary>
    public const string Probe = "label read from z (k-NN)";

    /// <summary>The metric of <see cref="ConditionalVaeScores.PriorAccuracy"/>.</summary>
    public const string Prior = "prior codes read as the label";

    /// <summary>The metric of <see cref="ConditionalVaeScores.TransferAccuracy"/>.</summary>
    public const string Transfer = "writers' codes read as the label";

    /// <summary>
    /// Rows <see cref="PlainRow"/> and <see cref="FullyConditionalRow"/>, the three metrics over the seeds of
    /// <paramref name="models"/>; each seed draws its prior codes with its own seed.
    /// </summary>
    public static SeedTable OverSeeds(IEnumerable<ConditionalVaeModels> models, ConvClassifier classifier, MnistSplit training, MnistSplit test, int probeDigits, int writers)
    {
        ArgumentNullException.ThrowIfNull(models);
        var table = new SeedTable("model");
        foreach (var seedModels in models)
        {
            foreach (var (row, run) in new[] { (PlainRow, seedModels.Plain), (FullyConditionalRow, seedModels.FullyConditional) })
            {
                var scores = ConditionalVaeScores.Measure(run.Model, classifier, training, test, probeDigits, writers, seedModels.Seed);
                table.Add(row, seedModels.Seed, Probe, scores.ProbeAccuracy)
                    .Add(row, seedModels.Seed, Prior, scores.PriorAccuracy)
                    .Add(row, seedModels.Seed, Transfer, scores.TransferAccuracy);
            }
        }

        return table;
    }
}
