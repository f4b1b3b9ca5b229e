using System.Text.Json;
using LatentWorkbench.Cli;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Cli.Commands;

[Collection(MnistCollection.Name)]
public sealed class ReduceCommandTests(MnistFixture mnist) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private Task<int> Run(params string[] args)
    {
        _ = mnist.Data;
        return Program.BuildRoot().Parse([.. args, "--dir", MnistFixture.Directory]).InvokeAsync();
    }

    [Fact]
    public async Task Pca_Writes_Seconds_And_Ratios_As_Json()
    {
        string json = _temp.File("pca.json");
        Assert.Equal(0, await Run("reduce", "pca", "--components", "7", "--split", "test", "--solver", "randomized", "--json", json));
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.True(document.RootElement.GetProperty("seconds").GetDouble() > 0);
        var ratios = document.RootElement.GetProperty("explained_variance_ratio").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(7, ratios.Length);
        Assert.Equal(ratios.OrderDescending(), ratios);
        Assert.InRange(ratios[0], 0.05, 0.15);
    }

    [Fact]
    public async Task Tsne_Writes_Json_Metrics_And_A_Csv_Of_Points()
    {
        string json = _temp.File("tsne.json"), csv = _temp.File("tsne.csv");
        Assert.Equal(0, await Run("reduce", "tsne", "--split", "test", "--n", "600", "--pca", "20", "--perplexity", "20", "--iterations", "400", "--csv", csv, "--json", json));
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        Assert.Equal(["seconds", "kl_divergence", "trustworthiness", "knn_accuracy"], root.EnumerateObject().Select(p => p.Name));
        Assert.InRange(root.GetProperty("trustworthiness").GetDouble(), 0.9, 1.0);
        Assert.InRange(root.GetProperty("knn_accuracy").GetDouble(), 0.7, 1.0);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("x,y,label", lines[0]);
        Assert.Equal(601, lines.Length);
        Assert.Equal(mnist.Data.Test.LabelBytes()[0].ToString(System.Globalization.CultureInfo.InvariantCulture), lines[1].Split(',')[2]);
        Assert.DoesNotContain(Directory.GetFiles(_temp.Path), f => f.Contains(".tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tsne_With_N_Beyond_The_Split_Exits_With_Code_1()
    {
        Assert.Equal(1, await Run("reduce", "tsne", "--split", "test", "--n", "20000"));
    }
}
