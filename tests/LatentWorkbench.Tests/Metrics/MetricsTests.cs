using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction;
using LatentWorkbench.Tests.Reduction;

namespace LatentWorkbench.Tests.Metrics;

public sealed class MetricsTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(12)]
    public void Trustworthiness_And_Continuity_Match_A_Brute_Force_Reference(int k)
    {
        var original = ReducerFactories.Blobs(rows: 90, cols: 6, seed: 2);
        var embedded = NoisyProjection(original, noise: 3.0, seed: 4);
        Assert.Equal(BruteTrustworthiness(original, embedded, k), NeighborhoodPreservation.Trustworthiness(original, embedded, k), 9);
        Assert.Equal(BruteTrustworthiness(embedded, original, k), NeighborhoodPreservation.Continuity(original, embedded, k), 9);
        Assert.True(NeighborhoodPreservation.Trustworthiness(original, embedded, k) < 1);
    }

    [Fact]
    public void Trustworthiness_Is_One_When_The_Embedding_Is_The_Data()
    {
        var data = ReducerFactories.Blobs(rows: 80, cols: 4);
        Assert.Equal(1.0, NeighborhoodPreservation.Trustworthiness(data, data, 7), 12);
        Assert.Equal(1.0, NeighborhoodPreservation.Continuity(data, data, 7), 12);
    }

    [Fact]
    public void Knn_Accuracy_Is_High_On_Separated_Blobs_And_Near_Chance_With_Shuffled_Labels()
    {
        var data = ReducerFactories.Blobs(rows: 600, cols: 5, classes: 4, seed: 3);
        var labels = Enumerable.Range(0, 600).Select(i => i % 4).ToArray();
        Assert.True(KnnAccuracy.CrossValidated(data, labels, k: 10) > 0.97);
        var shuffled = labels.ToArray();
        new Random(9).Shuffle(shuffled);
        Assert.InRange(KnnAccuracy.CrossValidated(data, shuffled, k: 10), 0.15, 0.35);
    }

    [Fact]
    public void Knn_Split_Accuracy_Matches_A_Brute_Force_Vote()
    {
        var data = ReducerFactories.Blobs(rows: 200, cols: 3, classes: 3, seed: 5);
        var train = data.TakeRows(150);
        var test = data.SelectRows(Enumerable.Range(150, 50).ToArray());
        var random = new Random(1);
        var labels = Enumerable.Range(0, 200).Select(i => random.Next(3) == 0 ? random.Next(3) : i % 3).ToArray();
        int correct = 0;
        for (int i = 0; i < 50; i++)
        {
            var nearest = Enumerable.Range(0, 150).OrderBy(j => Distance(test.Row(i), train.Row(j))).ThenBy(j => j).Take(7);
            int predicted = nearest.GroupBy(j => labels[j]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            correct += predicted == labels[150 + i] ? 1 : 0;
        }

        Assert.Equal(correct / 50.0, KnnAccuracy.Split(train, labels.AsSpan(0, 150), test, labels.AsSpan(150), k: 7), 12);
    }

    [Fact]
    public void Stratified_Folds_Keep_Class_Proportions_And_Row_Order()
    {
        var labels = Enumerable.Range(0, 103).Select(i => (i * 7) % 3).ToArray();
        var folds = KnnAccuracy.StratifiedFolds(labels, 5);
        for (int c = 0; c < 3; c++)
        {
            var perFold = Enumerable.Range(0, 5).Select(f => Enumerable.Range(0, 103).Count(i => labels[i] == c && folds[i] == f)).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {c}: {string.Join(',', perFold)}");
            var classFolds = Enumerable.Range(0, 103).Where(i => labels[i] == c).Select(i => folds[i]).ToArray();
            Assert.Equal(classFolds.Order(), classFolds);
        }
    }

    [Fact]
    public void Silhouette_Matches_The_Definition()
    {
        var data = ReducerFactories.Blobs(rows: 70, cols: 3, classes: 3, seed: 8);
        var labels = Enumerable.Range(0, 70).Select(i => i < 2 ? 2 : i % 3).ToArray();
        labels[69] = 3; // a singleton cluster scores 0
        double expected = 0;
        for (int i = 0; i < 70; i++)
        {
            var own = Enumerable.Range(0, 70).Where(j => j != i && labels[j] == labels[i]).ToArray();
            if (own.Length == 0)
            {
                continue;
            }

            double a = own.Average(j => Math.Sqrt(Distance(data.Row(i), data.Row(j))));
            double b = labels.Distinct().Where(c => c != labels[i])
                .Min(c => Enumerable.Range(0, 70).Where(j => labels[j] == c).Average(j => Math.Sqrt(Distance(data.Row(i), data.Row(j)))));
            expected += (b - a) / Math.Max(a, b);
        }

        Assert.Equal(expected / 70, Silhouette.Score(data, labels), 4);
        var shuffled = labels.ToArray();
        new Random(3).Shuffle(shuffled);
        Assert.True(Silhouette.Score(data, labels) > Silhouette.Score(data, shuffled) + 0.2);
    }

    [Fact]
    public void Metrics_Name_The_Bad_Argument()
    {
        var data = ReducerFactories.Blobs(rows: 20, cols: 3);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => NeighborhoodPreservation.Trustworthiness(data, data, 10)).ParamName);
        Assert.Equal("embedded", Assert.Throws<ArgumentException>(() => NeighborhoodPreservation.Trustworthiness(data, data.TakeRows(5), 3)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => KnnAccuracy.CrossValidated(data, new int[19])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Silhouette.Score(data, new int[20])).ParamName);
    }

    private static Matrix NoisyProjection(Matrix data, double noise, int seed)
    {
        var random = new Random(seed);
        var result = new float[data.Rows * 2];
        for (int i = 0; i < data.Rows; i++)
        {
            result[2 * i] = (float)(data[i, 0] + (noise * ReducerFactories.Normal(random)));
            result[(2 * i) + 1] = (float)(data[i, 1] + (noise * ReducerFactories.Normal(random)));
        }

        return new Matrix(result, data.Rows, 2);
    }

    private static double BruteTrustworthiness(Matrix original, Matrix embedded, int k)
    {
        int n = original.Rows;
        double penalty = 0;
        for (int i = 0; i < n; i++)
        {
            var originalOrder = Enumerable.Range(0, n).Where(j => j != i).OrderBy(j => Distance(original.Row(i), original.Row(j))).ThenBy(j => j).ToList();
            var embeddedNearest = Enumerable.Range(0, n).Where(j => j != i).OrderBy(j => Distance(embedded.Row(i), embedded.Row(j))).ThenBy(j => j).Take(k);
            foreach (int j in embeddedNearest)
            {
                int rank = originalOrder.IndexOf(j) + 1;
                penalty += Math.Max(0, rank - k);
            }
        }

        return 1 - (2.0 / (n * k * ((2.0 * n) - (3.0 * k) - 1)) * penalty);
    }

    private static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += ((double)a[i] - b[i]) * ((double)a[i] - b[i]);
        }

        return sum;
    }
}
