using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks;

[Collection(NotebookRunsCollection.Name)]
public sealed class NotebookFormatTests
{
    [Fact]
    public void Writer_Sorts_Keys_Indents_One_Space_And_Escapes_Like_Json_Stringify()
    {
        var node = new JsonObject { ["b"] = new JsonArray(1, "x"), ["a"] = "tab\there \"q\" é\u0001", ["c"] = new JsonObject(), ["d"] = new JsonArray() };
        Assert.Equal("{\n \"a\": \"tab\\there \\\"q\\\" é\\u0001\",\n \"b\": [\n  1,\n  \"x\"\n ],\n \"c\": {},\n \"d\": []\n}\n", SortedJsonWriter.Write(node));
    }

    [Fact]
    public void Sources_Are_Written_As_Lines_Keeping_Their_Newlines()
    {
        Assert.Equal(["a\n", "\n", "b"], IpynbSerializer.ToLines("a\n\nb").Select(l => l!.GetValue<string>()));
        Assert.Equal("a\n\nb", IpynbSerializer.JoinLines(IpynbSerializer.ToLines("a\n\nb")));
        Assert.Empty(IpynbSerializer.ToLines(string.Empty));
    }

    [Fact]
    public void The_Fixture_Round_Trips_Byte_For_Byte()
    {
        string path = Path.Combine(NotebookTestFiles.FixturesDirectory, "runner-fixture.ipynb");
        string text = File.ReadAllText(path);
        Assert.Equal(text, IpynbSerializer.Serialize(Notebook.Load(path)));
    }

    [Fact]
    public void Parse_Rejects_Other_Nbformat_Versions_Naming_The_File()
    {
        var e = Assert.Throws<NotebookFormatException>(() => IpynbSerializer.Parse("{\"nbformat\": 3, \"cells\": []}", "old.ipynb"));
        Assert.Contains("old.ipynb", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Dib_File_Is_Read_Into_Cells_And_Runs()
    {
        using var scratch = new TempDirectory();
        string path = scratch.File("plain.dib");
        File.WriteAllText(path, "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n#!markdown\n\n# Title\n\n#!csharp\n\nvar x = 20;\n\n#!csharp\n\nx + 1\n");

        var notebook = Notebook.Load(path);
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code], notebook.Cells.Select(c => c.Kind));
        Assert.Equal("# Title", notebook.Cells[0].Source);
        Assert.Equal("var x = 20;", notebook.Cells[1].Source);

        var result = await new NotebookRunner(new NotebookRunOptions { OutputPath = scratch.File("plain.ipynb") }).RunAsync(path);
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Contains("<pre>21</pre>", IpynbSerializer.JoinLines(result.Notebook.Cells[2].Outputs[0]["data"]!["text/html"]), StringComparison.Ordinal);
        Assert.Equal("csharp", PolyglotMetadata.KernelNameOf(notebook.Cells[1]));
        Assert.Equal(".net-csharp", Notebook.Load(scratch.File("plain.ipynb")).Metadata["kernelspec"]!["name"]!.GetValue<string>());
    }
}
