using LatentWorkbench.Experiments.Gans;
using LatentWorkbench.Reporting;

namespace LatentWorkbench.Tests.Experiments.Gans;

public sealed class GanFindingsTests
{
    private const string Plain = "plain GAN";
    private const string Remedy = "remedy";
    private const string Vae = "MLP VAE β = 1";

    // Three seeds; the plain GAN, the remedy and the VAE cover the classes given, the real digits ten.
    private static SeedTable Table(int[] plainClasses, int[] remedyClasses, int[] vaeClasses)
    {
        var table = new SeedTable("samples");
        var rows = new (string Name, int[] Classes)[] { (GanDiversity.OtherTestDigits, [10, 10, 10]), (Plain, plainClasses), (Remedy, remedyClasses), (Vae, vaeClasses) };
        foreach (var (row, classes) in rows)
        {
            for (int seed = 0; seed < classes.Length; seed++)
            {
                table.Add(row, seed, GanDiversity.ClassesCovered, classes[seed]).Add(row, seed, GanDiversity.Entropy, Math.Log(classes[seed]) + (0.01 * seed))
                    .Add(row, seed, GanDiversity.TopShare, 1.0 / classes[seed]).Add(row, seed, GanDiversity.Frechet, (100.0 / classes[seed]) + seed);
            }
        }

        return table;
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 }, new[] { 10, 9, 10 }, "the symptom of mode collapse")]
    [InlineData(new[] { 1, 1, 2 }, new[] { 1, 2, 3 }, "but so did the VAE's")]
    [InlineData(new[] { 1, 4, 2 }, new[] { 10, 10, 10 }, "does not show it collapsing with every seed")]
    public void Mode_Collapse_Is_Named_Only_When_The_Plain_Gan_Is_Narrow_With_Every_Seed_And_The_Vae_Is_Not(int[] plain, int[] vae, string verdict)
    {
        var findings = GanFindings.Diversity(Table(plain, [10, 10, 10], vae), Plain, Remedy, Vae);
        Assert.Single(findings.Sentences, s => s.Contains(verdict, StringComparison.Ordinal));
        Assert.Equal(6, findings.Sentences.Count);
        Assert.Contains($"{Plain} {string.Join(", ", plain)}", findings.Sentences[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 8, 10, 9 }, "the remedy held in this run")]
    [InlineData(new[] { 10, 7, 10 }, "the remedy did not hold in this run")]
    public void The_Remedy_Holds_Only_When_It_Covers_Eight_Classes_With_Every_Seed(int[] remedy, string verdict)
    {
        var findings = GanFindings.Diversity(Table([1, 1, 1], remedy, [10, 10, 10]), Plain, Remedy, Vae);
        Assert.Single(findings.Sentences, s => s.Contains(verdict, StringComparison.Ordinal));
    }

    [Fact]
    public void Data_Diversity_Compares_The_Few_Digit_Runs_With_The_Full_Set_And_The_Training_Choice_With_The_Few_Digits()
    {
        var table = Table([10, 10, 10], [3, 4, 2], [5, 6, 7]);   // rows reused: "plain GAN" plays the full set
        var findings = GanFindings.DataDiversity(table, Plain, Remedy, Vae);
        Assert.Equal(5, findings.Sentences.Count);
        Assert.Contains($"{Remedy} 3, 4, 2", findings.Sentences[0], StringComparison.Ordinal);
        Assert.Contains("the seeds tell them apart", findings.Sentences[1], StringComparison.Ordinal);
        Assert.Equal(3, GanFindings.DataDiversity(table, Plain, Remedy).Sentences.Count);
    }
}
