using System.Text.Json.Nodes;
using LatentWorkbench.Data;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Figures;
using LatentWorkbench.Notebooks.Formatting;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks;

/// <summary>Runs Fixtures/runner-fixture.ipynb once and checks each behaviour it exercises.</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class RunnerFixtureTests : IClassFixture<RunnerFixtureTests.ExecutedFixture>
{
    private readonly ExecutedFixture _run;

    public RunnerFixtureTests(ExecutedFixture run) => _run = run;

    private NotebookRunResult Result => _run.Result;

    private NotebookCell Cell(int number) => Result.Notebook.Cells[number - 1];

    private static string Text(JsonNode? node) => IpynbSerializer.JoinLines(node);

    [Fact]
    public void Every_Cell_Runs_With_Execution_Counts_In_Order()
    {
        Assert.True(Result.Succeeded, Result.Failure?.Message);
        var counts = Result.Notebook.Cells.Where(c => c.Kind == CellKind.Code).Select(c => c.ExecutionCount).ToList();
        Assert.Equal(Enumerable.Range(1, counts.Count).Select(i => (int?)i), counts);
        Assert.All(Result.Notebook.Cells.Where(c => c.Kind == CellKind.Markdown), c => Assert.Empty(c.Metadata));
    }

    [Fact]
    public void Default_Imports_And_State_Carry_Across_Cells()
    {
        Assert.Equal(new[] { 1, 2, 3 }, Assert.IsType<int[]>(Result.Variables["sorted"]));
        Assert.Equal("1,2,3", Result.Variables["last"]);
    }

    [Fact]
    public void A_Later_Cell_May_Redeclare_A_Var_With_Another_Type()
    {
        Assert.Equal(new[] { 10, 20 }, Assert.IsType<int[]>(Result.Variables["numbers"]));
    }

    [Fact]
    public void Console_Output_Becomes_Stream_Outputs_In_Order()
    {
        var outputs = Cell(5).Outputs;
        Assert.Equal(["stdout", "stderr", "stdout"], outputs.Select(o => o["name"]!.GetValue<string>()));
        Assert.All(outputs, o => Assert.Equal("stream", o["output_type"]!.GetValue<string>()));
        Assert.Equal("seed=42 label=digits rate=0.5 steps=10 verbose=True budget=Default\n", Text(outputs[0]["text"]));
        Assert.Equal("to stderr\n", Text(outputs[1]["text"]));
    }

    [Fact]
    public void Display_Html_And_The_Display_Extension_Come_From_The_Kernel_Helpers()
    {
        var outputs = Cell(6).Outputs;
        Assert.All(outputs, o => Assert.Equal("display_data", o["output_type"]!.GetValue<string>()));
        Assert.All(outputs, o => Assert.Empty(o["metadata"]!.AsObject()));
        var plain = outputs.Where(o => o["data"]!.AsObject().ContainsKey("text/plain")).Select(o => Text(o["data"]!["text/plain"])).ToList();
        Assert.Equal("first draft", plain[0]);
        Assert.Contains("final text", plain);
        Assert.Equal("42", plain[^1]);
        var html = Assert.Single(outputs, o => o["data"]!.AsObject().ContainsKey("text/html"));
        Assert.Equal(["text/html"], html["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal("<b>bold</b>", Text(html["data"]!["text/html"]));
    }

    [Fact]
    public void A_Trailing_Expression_Is_Displayed_With_The_Kernels_Html_Formatter()
    {
        var data = Assert.Single(Cell(7).Outputs)["data"]!.AsObject();
        Assert.Equal(["text/html"], data.Select(p => p.Key));
        Assert.Contains("<pre>72</pre>", Text(data["text/html"]), StringComparison.Ordinal);
        Assert.Empty(Cell(4).Outputs);
    }

    [Fact]
    public void Time_Magic_Shows_The_Wall_Time_After_The_Cells_Value()
    {
        var outputs = Cell(12).Outputs;
        Assert.Equal(2, outputs.Count);
        Assert.Contains("<pre>5050</pre>", Text(outputs[0]["data"]!["text/html"]), StringComparison.Ordinal);
        Assert.Matches(@"^Wall time: [0-9.]+ms$", Text(outputs[1]["data"]!["text/plain"]));
    }

    [Fact]
    public void Recorded_Values_Are_Displayed_And_Collected_Into_The_Metadata()
    {
        var outputs = Cell(13).Outputs;
        Assert.Equal(3, outputs.Count);
        Assert.Equal("fixture_seed = 42", Text(outputs[0]["data"]!["text/plain"]));
        var record = outputs[0]["data"]![MimeTypes.RecordedValue]!.AsObject();
        Assert.Equal("fixture_seed", record["name"]!.GetValue<string>());
        Assert.Equal(42, record["value"]!.GetValue<int>());

        var recorded = Result.Notebook.Metadata[RecordedValues.MetadataKey]![RecordedValues.RecordedKey]!.AsObject();
        Assert.Equal(["fixture_seed", "fixture_rate", "fixture_label"], recorded.Select(p => p.Key));
        Assert.Equal(0.5, recorded["fixture_rate"]!.GetValue<double>());
        Assert.Equal("digits", recorded["fixture_label"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(recorded, Result.Recorded));
    }

    [Fact]
    public void Convention_Formatters_Render_With_Preferred_Mime_Types_Latest_First_Passing_On_False()
    {
        var outputs = Cell(9).Outputs;
        Assert.Equal(2, outputs.Count);
        var first = outputs[0]["data"]!.AsObject();
        Assert.Equal(["text/html", "image/svg+xml"], first.Select(p => p.Key));
        Assert.Equal("<div class=\"fixture\">Loss curve:3</div>", Text(first["text/html"]));
        Assert.Equal("<svg data-points=\"3\">Loss curve</svg>", Text(first["image/svg+xml"]));
        Assert.Equal("<svg>empty</svg>", Text(outputs[1]["data"]!["image/svg+xml"]));
    }

    [Fact]
    public void Figures_Are_Exported_As_Svg_And_Html_With_A_Manifest_Named_By_Title_Else_By_Cell_Id()
    {
        // The titled figure is named from its title; the untitled one from its cell's id, never the heading above it.
        Assert.Equal(["loss-curve", "cell-af494c65"], Result.Figures.Select(f => f.Id));
        Assert.Equal(["Loss curve", null], Result.Figures.Select(f => f.Title));
        Assert.All(Result.Figures, f => Assert.Null(f.Caption));
        string folder = _run.FiguresDirectory;
        Assert.Equal("<svg data-points=\"3\">Loss curve</svg>", File.ReadAllText(Path.Combine(folder, "runner-fixture-loss-curve.svg")));
        Assert.Contains("<div class=\"fixture\">Loss curve:3</div>", File.ReadAllText(Path.Combine(folder, "runner-fixture-loss-curve.html")), StringComparison.Ordinal);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, FigureExporter.ManifestFileName)))!;
        Assert.Equal("runner-fixture.ipynb", manifest["notebook"]!.GetValue<string>());
        var figures = manifest["figures"]!.AsArray();
        Assert.Equal(["runner-fixture-loss-curve.svg", "runner-fixture-cell-af494c65.svg"], figures.Select(f => f!["files"]!["svg"]!.GetValue<string>()));
        Assert.Equal(["loss-curve", "cell-af494c65"], figures.Select(f => f!["id"]!.GetValue<string>()));
        Assert.All(figures, f => Assert.Equal("runner-fixture.ipynb", f!["notebook"]!.GetValue<string>()));
    }

    [Fact]
    public void Hash_R_Of_A_Loaded_Assembly_Shares_Type_Identity_With_The_Host()
    {
        var split = Assert.IsType<MnistSplit>(Result.Variables["split"]);
        Assert.Equal("fixture", split.Name);
    }

    [Fact]
    public void Cells_Run_In_The_Notebooks_Folder_And_The_Directory_Is_Restored()
    {
        Assert.Equal(Path.GetFullPath(_run.Scratch.Path), Path.GetFullPath((string)Result.Variables["folder"]!));
        Assert.NotEqual(Path.GetFullPath(_run.Scratch.Path), Path.GetFullPath(Directory.GetCurrentDirectory()));
    }

    [Fact]
    public void Each_Code_Cell_Records_Papermill_Timings()
    {
        foreach (var cell in Result.Notebook.Cells.Where(c => c.Kind == CellKind.Code))
        {
            var timing = cell.Metadata["papermill"]!.AsObject();
            Assert.Equal("completed", timing["status"]!.GetValue<string>());
            var start = DateTime.Parse(timing["start_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            var end = DateTime.Parse(timing["end_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(end >= start);
        }
    }

    [Fact]
    public void The_Written_Notebook_Is_Canonical_Polyglot_Json()
    {
        string text = File.ReadAllText(_run.OutputPath);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Equal(text, IpynbSerializer.Serialize(IpynbSerializer.Parse(text, _run.OutputPath)));
        NotebookJsonAssert.KeysSortedWithOneSpaceIndent(text);
        var root = JsonNode.Parse(text)!;
        Assert.Equal(4, root["nbformat"]!.GetValue<int>());
        Assert.Equal(5, root["nbformat_minor"]!.GetValue<int>());
        var ids = root["cells"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.All(ids, id => Assert.True(CellIds.IsHexId(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    /// <summary>The fixture, executed once for the class.</summary>
    public sealed class ExecutedFixture : IDisposable
    {
        public ExecutedFixture()
        {
            string path = NotebookTestFiles.StageFixture(Scratch, "runner-fixture.ipynb");
            OutputPath = Scratch.File(Path.Combine("out", "runner-fixture.ipynb"));
            FiguresDirectory = Scratch.File(Path.Combine("out", "figures"));
            Result = new NotebookRunner(new NotebookRunOptions { OutputPath = OutputPath, FiguresDirectory = FiguresDirectory })
                .RunAsync(path).GetAwaiter().GetResult();
        }

        public TempDirectory Scratch { get; } = new();

        public string OutputPath { get; }

        public string FiguresDirectory { get; }

        public NotebookRunResult Result { get; }

        public void Dispose() => Scratch.Dispose();
    }
}
