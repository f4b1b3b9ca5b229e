using System.Text.Json;
using LatentWorkbench.Cli;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Cli.Commands;

[Collection(MnistCollection.Name)]
public sealed class ReduceUmapCommandTests(MnistFixture mnist) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Umap_Writes_The_Tsne_Json_Keys_And_A_Csv_Of_Points()
    {
        _ = mnist.Data;
        string json = _temp.File("umap.json"), csv = _temp.File("umap.csv");
        int code = await Program.BuildRoot().Parse(["reduce", "umap", "--split", "test", "--n", "500", "--epochs", "100", "--csv", csv, "--json", json, "--dir", MnistFixture.Directory]).InvokeAsync();

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["seconds", "trustworthiness", "knn_accuracy"], names[..3]);
        Assert.InRange(root.GetProperty("trustworthiness").GetDouble(), 0.85, 1.0);
        Assert.InRange(root.GetProperty("knn_accuracy").GetDouble(), 0.7, 1.0);
        Assert.Equal(100, root.GetProperty("epochs").GetInt32());
        Assert.Equal("spectral", root.GetProperty("initialization").GetString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal("x,y,label", lines[0]);
        Assert.Equal(501, lines.Length);
    }

    [Fact]
    public async Task Umap_With_An_Unknown_Metric_Exits_With_A_Parse_Error()
    {
        int code = await Program.BuildRoot().Parse(["reduce", "umap", "--metric", "manhattan", "--dir", MnistFixture.Directory]).InvokeAsync();
        Assert.NotEqual(0, code);
    }
}
