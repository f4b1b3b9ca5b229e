using LatentWorkbench.Experiments.Collapse;
using LatentWorkbench.Reporting;

namespace LatentWorkbench.Tests.Experiments.Collapse;

public sealed class CollapseFindingsTests
{
    private static readonly IReadOnlyList<CollapseSetting> Settings = CollapseExperimentOptions.Default.Remedies();

    // Every setting gets the ELBO's MI and NLL per seed, except `remedy`, whose MI is shifted by `shift`.
    private static SeedTable Table(double[] elboMi, string? remedy = null, double shift = 0)
    {
        var table = new SeedTable("setting");
        foreach (var setting in Settings)
        {
            for (int seed = 0; seed < elboMi.Length; seed++)
            {
                table.Add(setting.Name, seed, CollapseFigures.MutualInformation, elboMi[seed] + (setting.Name == remedy ? shift : 0))
                    .Add(setting.Name, seed, CollapseFigures.NegativeLogLikelihood, 100 + seed);
            }
        }

        return table;
    }

    [Fact]
    public void One_Seed_Claims_No_Remedy()
    {
        var findings = CollapseFindings.Remedies(Table([0.5], Settings[3].Name, 2.0), Settings, []);
        Assert.Contains(findings.Sentences, s => s.StartsWith("With one seed no remedy can be said to work", StringComparison.Ordinal));
        Assert.DoesNotContain(findings.Sentences, s => s.StartsWith("Raised", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Remedy_Is_Named_Only_When_Its_Seeds_Tell_It_Apart_From_The_Elbo()
    {
        var apart = CollapseFindings.Remedies(Table([0.5, 0.6, 0.4], Settings[3].Name, 2.0), Settings, []);
        var within = CollapseFindings.Remedies(Table([0.5, 0.9, 0.1], Settings[3].Name, 0.05), Settings, []);

        Assert.Contains($"Raised I(x; z) above the plain ELBO's by more than the spread of these 3 seeds: {Settings[3].Name}.", apart.Sentences);
        Assert.Contains("No remedy raised I(x; z) above the plain ELBO's by more than the spread of these 3 seeds.", within.Sentences);
        Assert.Equal(2 * (Settings.Count - 1) + 1, within.Sentences.Count);   // MI and NLL per remedy, then the verdict
    }

    [Fact]
    public void The_Sweep_Names_The_Beta_Of_The_Lowest_Nll()
    {
        var betas = CollapseExperimentOptions.Default.BetaSweep();
        var sweep = new SeedTable("setting");
        for (int i = 0; i < betas.Count; i++)
        {
            sweep.Add(betas[i].Name, 0, CollapseFigures.Kl, 10 - i).Add(betas[i].Name, 0, CollapseFigures.MutualInformation, 5 - i)
                .Add(betas[i].Name, 0, CollapseFigures.Reconstruction, 100 + i).Add(betas[i].Name, 0, CollapseFigures.ActiveUnits, 20 - i)
                .Add(betas[i].Name, 0, CollapseFigures.NegativeLogLikelihood, Math.Abs(i - 2) + 90);
        }

        var remedies = new SeedTable("setting").Add("ELBO", 0, CollapseFigures.Kl, 1).Add("ELBO", 0, CollapseFigures.MutualInformation, 0.5);
        var findings = CollapseFindings.BetaSweep(sweep, betas, betas[2].Name, remedies, "ELBO");

        Assert.Contains(findings.Sentences, s => s.StartsWith($"The lowest mean NLL is at {betas[2].Name} ", StringComparison.Ordinal));
        Assert.Contains(findings.Sentences, s => s.Contains($"Active units range from {20 - betas.Count + 1} to 20", StringComparison.Ordinal));
    }
}
