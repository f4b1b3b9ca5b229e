using LatentWorkbench.Metrics;

namespace LatentWorkbench.Tests.Metrics;

public sealed class AurocTests
{
    [Fact]
    public void A_Hand_Computed_Case_With_Ties_Counts_Each_Tie_As_One_Half()
    {
        // Positives 0.8, 0.4, 0.4; negatives 0.4, 0.2, 0.1, 0.9. Pairs (3 × 4 = 12):
        // 0.8 beats 0.4, 0.2, 0.1 and loses to 0.9 → 3; each 0.4 ties 0.4 (½) and beats 0.2, 0.1 → 2.5 each.
        // (3 + 2.5 + 2.5) / 12 = 8 / 12.
        double[] scores = [0.8, 0.4, 0.4, 0.4, 0.2, 0.1, 0.9];
        bool[] positive = [true, true, true, false, false, false, false];
        Assert.Equal(8.0 / 12, Auroc.Compute(scores, positive), 12);
    }

    [Fact]
    public void Perfect_Reversed_And_Constant_Scores_Give_One_Zero_And_One_Half()
    {
        bool[] positive = [false, true, false, true];
        Assert.Equal(1.0, Auroc.Compute(new double[] { 0.1, 5, 0.2, 3 }, positive));
        Assert.Equal(0.0, Auroc.Compute(new double[] { 9, 1, 8, 2 }, positive));
        Assert.Equal(0.5, Auroc.Compute(new double[] { 7, 7, 7, 7 }, positive));
    }

    [Fact]
    public void It_Equals_The_Fraction_Of_Pairs_Ranked_Right_On_Random_Scores_With_Ties()
    {
        var random = new Random(3);
        var scores = Enumerable.Range(0, 300).Select(_ => (double)random.Next(20)).ToArray();
        var positive = scores.Select((s, i) => random.NextDouble() < 0.3 + (s / 40)).ToArray();
        double pairs = 0, wins = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            for (int j = 0; j < scores.Length; j++)
            {
                if (positive[i] && !positive[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        Assert.Equal(wins / pairs, Auroc.Compute(scores, positive), 12);
    }

    [Fact]
    public void Bad_Input_Says_What_Is_Wrong()
    {
        Assert.Contains("both classes", Assert.Throws<ArgumentException>(() => Auroc.Compute(new double[] { 1, 2 }, new bool[] { true, true })).Message, StringComparison.Ordinal);
        Assert.Equal("positive", Assert.Throws<ArgumentException>(() => Auroc.Compute(new double[] { 1, 2 }, new bool[] { true })).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => Auroc.Compute(new double[] { 1, double.NaN }, new bool[] { true, false })).ParamName);
    }
}
