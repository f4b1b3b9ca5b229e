using LatentWorkbench.Reduction.Neighbors;

namespace LatentWorkbench.Tests.Reduction.Neighbors;

public sealed class ExactNeighborsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(130, 9)]
    [InlineData(4200, 5)]
    public void Search_Matches_Brute_Force_Order_And_Distances(int rows, int k)
    {
        var data = ReducerFactories.Blobs(rows: Math.Max(rows, k + 1), cols: 7, seed: rows);
        var graph = ExactNeighbors.Search(data, k);
        var random = new Random(0);
        for (int trial = 0; trial < 20; trial++)
        {
            int i = random.Next(data.Rows);
            var expected = Enumerable.Range(0, data.Rows).Where(j => j != i)
                .Select(j => (j, d: Enumerable.Range(0, 7).Sum(c => Math.Pow((double)data[i, c] - data[j, c], 2))))
                .OrderBy(p => p.d).ThenBy(p => p.j).Take(k).ToArray();
            Assert.Equal(expected.Select(p => p.j), graph.Indices(i).ToArray());
            for (int t = 0; t < k; t++)
            {
                Assert.Equal(expected[t].d, graph.Distances(i)[t], 9);
            }
        }
    }

    [Fact]
    public void Search_Is_Deterministic_And_Excludes_Self_Even_With_Duplicates()
    {
        var data = ReducerFactories.Blobs(rows: 300, cols: 3);
        Array.Copy(data.Data, 0, data.Data, 3, 3); // rows 0 and 1 identical
        var first = ExactNeighbors.Search(data, 4);
        var second = ExactNeighbors.Search(data, 4);
        for (int i = 0; i < data.Rows; i++)
        {
            Assert.Equal(first.Indices(i).ToArray(), second.Indices(i).ToArray());
            Assert.DoesNotContain(i, first.Indices(i).ToArray());
        }

        Assert.Equal(1, first.Indices(0)[0]);
        Assert.Equal(0.0, first.Distances(0)[0]);
    }

    [Fact]
    public void Search_Throws_When_K_Is_Out_Of_Range()
    {
        var data = ReducerFactories.Blobs(rows: 10, cols: 2);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => ExactNeighbors.Search(data, 10)).ParamName);
    }
}
