using LatentWorkbench.Reporting;

namespace LatentWorkbench.Tests.Reporting;

public sealed class FindingsTests
{
    [Fact]
    public void Renders_A_Heading_And_One_Bullet_Per_Sentence()
    {
        var findings = new Findings("What this run shows").Add("First.").Add(2 > 1, "Second is true.", "Second is false.");
        Assert.Equal("#### What this run shows\n\n- First.\n- Second is true.\n", findings.ToMarkdown());
    }

    [Fact]
    public void A_Comparison_Says_Whether_The_Seeds_Tell_The_Settings_Apart()
    {
        var apart = new Findings().Compare("MSE", "PCA", new SeedSpread([0.02, 0.021, 0.022]), "AE", new SeedSpread([0.010, 0.011, 0.012]), higherIsBetter: false, digits: 3);
        Assert.Contains("PCA 0.021 ± 0.001, AE 0.011 ± 0.001", apart.Sentences[0], StringComparison.Ordinal);
        Assert.Contains("PCA is higher (lower is better, so AE is ahead)", apart.Sentences[0], StringComparison.Ordinal);
        Assert.Contains("the seeds tell them apart", apart.Sentences[0], StringComparison.Ordinal);

        var close = new Findings().Compare("MSE", "PCA", new SeedSpread([0.02, 0.03]), "AE", new SeedSpread([0.021, 0.028]));
        Assert.Contains("do not tell them apart", close.Sentences[0], StringComparison.Ordinal);

        var single = new Findings().Compare("MSE", "PCA", new SeedSpread([0.02]), "AE", new SeedSpread([0.01]));
        Assert.Contains("with one seed the spread is unknown", single.Sentences[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_Name_That_Starts_With_A_Greek_Letter_Keeps_Its_Case()
    {
        var findings = new Findings().Compare("KL", "β = 0.5", new SeedSpread([1.0]), "β = 4", new SeedSpread([2.0]));
        Assert.Contains(". β = 4 is higher;", findings.Sentences[0], StringComparison.Ordinal);
    }
}
