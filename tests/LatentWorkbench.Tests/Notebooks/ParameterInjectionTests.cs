using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Notebooks.Parameters;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks;

[Collection(NotebookRunsCollection.Name)]
public sealed class ParameterInjectionTests
{
    private static Dictionary<string, string> Overrides(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value);

    [Fact]
    public void Parse_Learns_Types_From_Keywords_And_Literals()
    {
        var declared = ParametersCell.Parse("var quick = false;\nvar seed = -3;\nlong big = 10;\nvar rate = 1e-3;\nvar f = 2f;\nvar m = 1.5m;\nvar n = \"x\";\nvar when = DateTime.Now;");
        Assert.Equal(
            [ParameterType.Bool, ParameterType.Int, ParameterType.Long, ParameterType.Double, ParameterType.Float, ParameterType.Decimal, ParameterType.String, ParameterType.Enum],
            declared.Select(d => d.Type));
        Assert.Equal("DateTime", declared[^1].TypeName);   // a named type: overridable only if it resolves to an enum
        Assert.Equal(["quick", "seed", "big", "rate", "f", "m", "n", "when"], declared.Select(d => d.Name));
    }

    [Theory]
    [InlineData("var x = 1;", "7", "7")]
    [InlineData("long x = 1;", "7", "7L")]
    [InlineData("var x = 1.5;", "2", "2.0")]
    [InlineData("var x = 1.5;", "1e-3", "0.001")]
    [InlineData("var x = 1f;", "0.25", "0.25f")]
    [InlineData("var x = 1m;", "0.1", "0.1m")]
    [InlineData("var x = true;", "False", "false")]
    [InlineData("var x = \"a\";", "say \"hi\"\\n", "\"say \\\"hi\\\"\\\\n\"")]
    public void Overrides_Become_Literals_Of_The_Default_Type(string cell, string value, string expected)
    {
        var parameter = ParametersCell.Parse(cell).Single();
        Assert.Equal(expected, ParameterLiteral.Parse(parameter, value).CSharp);
    }

    [Theory]
    [InlineData("var x = 1;", "1.5")]
    [InlineData("var x = 1;", "abc")]
    [InlineData("var x = true;", "yes")]
    [InlineData("long x = 1;", "1e3")]
    [InlineData("var x = DateTime.Now;", "2020")]
    public void Unparsable_Values_Are_Rejected_Naming_The_Parameter(string cell, string value)
    {
        var parameter = ParametersCell.Parse(cell).Single();
        var e = Assert.Throws<ParameterException>(() => ParameterLiteral.Parse(parameter, value));
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Learns_One_Dimensional_Arrays_Of_Supported_Types()
    {
        var declared = ParametersCell.Parse("int[] ks = [2, 10, 30];\ndouble[] betas = [0.1, 1];\nstring[] spaces = [\"pixels\"];\nint[,] grid = new int[1, 1];\nDateTime[] days = [];");
        Assert.Equal(
            [(ParameterType.Int, true), (ParameterType.Double, true), (ParameterType.String, true), (ParameterType.Unsupported, false), (ParameterType.Enum, true)],
            declared.Select(d => (d.Type, d.IsArray)));
        Assert.Equal("[2, 10, 30]", declared[0].DefaultSource);
    }

    [Theory]
    [InlineData("int[] ks = [2];", "[2,10,30]", "new int[] { 2, 10, 30 }")]
    [InlineData("int[] ks = [2];", "2, 10, 30", "new int[] { 2, 10, 30 }")]
    [InlineData("int[] ks = [2];", "[7]", "new int[] { 7 }")]
    [InlineData("double[] b = [1.0];", "0.1,4", "new double[] { 0.1, 4.0 }")]
    [InlineData("string[] s = [\"a\"];", "x, y", "new string[] { \"x\", \"y\" }")]
    [InlineData("string[] s = [\"a\"];", "[\"a,b\", \"c\"]", "new string[] { \"a,b\", \"c\" }")]
    public void List_Overrides_Become_Array_Literals_Of_The_Element_Type(string cell, string value, string expected)
    {
        var parameter = ParametersCell.Parse(cell).Single();
        var literal = ParameterLiteral.Parse(parameter, value);
        Assert.Equal(expected, literal.CSharp);
        Assert.IsType<JsonArray>(literal.Json);
    }

    [Theory]
    [InlineData("2,x,3", "element 2", "'x'")]
    [InlineData("[2, 3.5]", "element 2", "'3.5'")]
    [InlineData("[]", "no elements", "'[]'")]
    [InlineData("2,,3", "element 2", "''")]
    public void A_Bad_List_Names_The_Parameter_And_The_Element(string value, string what, string given)
    {
        var parameter = ParametersCell.Parse("int[] ks = [2, 10, 30];").Single();
        var e = Assert.Throws<ParameterException>(() => ParameterLiteral.Parse(parameter, value));
        Assert.Contains("'ks'", e.Message, StringComparison.Ordinal);
        Assert.Contains("a list of an int", e.Message, StringComparison.Ordinal);
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
        Assert.Contains(given, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overrides_Are_Injected_After_The_Parameters_Cell_Recorded_And_Used()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.StageFixture(scratch, "runner-fixture.ipynb");
        var result = await new NotebookRunner(new NotebookRunOptions
        {
            Parameters = Overrides(("seed", "7"), ("label", "a \"b\""), ("rate", "1"), ("steps", "5"), ("verbose", "false")),
            Quick = true,
        }).RunAsync(path);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var cells = result.Notebook.Cells;
        Assert.True(cells[2].HasTag(NotebookCell.ParametersTag));
        var injected = cells[3];
        Assert.Equal([NotebookCell.InjectedParametersTag], injected.Tags);
        Assert.Equal(
            "// Parameters\nvar seed = 7;\nvar label = \"a \\\"b\\\"\";\nvar rate = 1.0;\nvar steps = 5L;\nvar verbose = false;\nvar budget = global::LatentWorkbench.Experiments.StudyBudget.Quick;",
            injected.Source);
        Assert.Equal("csharp", PolyglotMetadata.KernelNameOf(injected));
        Assert.Equal(1, cells.Count(c => c.HasTag(NotebookCell.InjectedParametersTag)));

        var recorded = result.Notebook.Metadata["papermill"]!["parameters"]!.AsObject();
        Assert.Equal(7, recorded["seed"]!.GetValue<int>());
        Assert.Equal(1.0, recorded["rate"]!.GetValue<double>());
        Assert.False(recorded["verbose"]!.GetValue<bool>());
        Assert.Equal("Quick", recorded["budget"]!.GetValue<string>());
        Assert.Equal(5L, Assert.IsType<long>(result.Variables["steps"]));
        Assert.Equal("Quick", result.Variables["budget"]!.ToString());
        Assert.Equal(1.0, Assert.IsType<double>(result.Variables["rate"]));

        string stdout = IpynbSerializer.JoinLines(cells[5].Outputs[0]["text"]);
        Assert.StartsWith("seed=7 label=a \"b\" rate=1 steps=5 verbose=False budget=Quick", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerunning_An_Executed_Notebook_Replaces_The_Earlier_Injected_Cell()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.StageFixture(scratch, "runner-fixture.ipynb");
        string first = scratch.File("first.ipynb");
        await new NotebookRunner(new NotebookRunOptions { Parameters = Overrides(("seed", "1")), OutputPath = first }).RunAsync(path);
        File.Copy(first, scratch.File("rerun.ipynb"));

        var second = await new NotebookRunner(new NotebookRunOptions { Parameters = Overrides(("seed", "2")) }).RunAsync(scratch.File("rerun.ipynb"));

        var injected = Assert.Single(second.Notebook.Cells, c => c.HasTag(NotebookCell.InjectedParametersTag));
        Assert.Equal("// Parameters\nvar seed = 2;", injected.Source);
        Assert.Equal(2, second.Variables["seed"]);
    }

    [Fact]
    public async Task An_Unknown_Name_Fails_Before_Anything_Runs_Listing_The_Declared_Ones()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.StageFixture(scratch, "runner-fixture.ipynb");
        string output = scratch.File("out.ipynb");
        var e = await Assert.ThrowsAsync<ParameterException>(() =>
            new NotebookRunner(new NotebookRunOptions { Parameters = Overrides(("sed", "1")), OutputPath = output }).RunAsync(path));
        Assert.Contains("'sed'", e.Message, StringComparison.Ordinal);
        Assert.Contains("seed, label, rate, steps, verbose, budget", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_Bad_Value_Fails_Before_Anything_Runs()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.StageFixture(scratch, "runner-fixture.ipynb");
        string output = scratch.File("out.ipynb");
        var e = await Assert.ThrowsAsync<ParameterException>(() =>
            new NotebookRunner(new NotebookRunOptions { Parameters = Overrides(("seed", "many")), OutputPath = output }).RunAsync(path));
        Assert.Contains("'seed' is an int", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("3", "3", "int?")]
    [InlineData("null", "null", "int?")]
    public void A_Nullable_Parameter_Keeps_Its_Type_And_Takes_Null(string value, string expected, string declaredAs)
    {
        var parameter = ParametersCell.Parse("int? epochs = null;").Single();
        Assert.True(parameter.IsNullable);
        Assert.Equal(ParameterType.Int, parameter.Type);
        var literal = ParameterLiteral.Parse(parameter, value);
        Assert.Equal(expected, literal.CSharp);
        Assert.Equal(declaredAs, literal.DeclaredAs);
        Assert.Throws<ParameterException>(() => ParameterLiteral.Parse(parameter, "many"));
    }

    [Fact]
    public void A_Typed_Declaration_With_A_Computed_Default_Takes_Its_Declared_Type()
    {
        var parameter = ParametersCell.Parse("int epochs = Options.Default.Training.Epochs;").Single();
        Assert.Equal((ParameterType.Int, false), (parameter.Type, parameter.IsNullable));
        Assert.Equal("Options.Default.Training.Epochs", parameter.DefaultSource);
        Assert.Equal("4", ParameterLiteral.Parse(parameter, "4").CSharp);
    }

    [Fact]
    public async Task A_Nullable_Override_Compiles_Where_The_Notebook_Reads_It_With_A_Fallback()
    {
        using var scratch = new TempDirectory();
        string path = scratch.File("nullable.ipynb");
        new Notebook(PolyglotMetadata.NotebookMetadata(),
        [
            NotebookCell.NewCode(CellIds.FromSeed("n1"), "int? epochs = null;", NotebookCell.ParametersTag),
            NotebookCell.NewCode(CellIds.FromSeed("n2"), "var used = epochs ?? 7;"),
        ]).Save(path);

        var given = await new NotebookRunner(new NotebookRunOptions { Parameters = Overrides(("epochs", "3")) }).RunAsync(path);
        var unset = await new NotebookRunner().RunAsync(path);

        Assert.True(given.Succeeded, given.Failure?.Message);
        Assert.Equal(3, given.Variables["used"]);
        Assert.Equal(7, unset.Variables["used"]);
    }

    [Fact]
    public async Task Quick_Leaves_A_Notebook_Without_A_Budget_As_Written()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.WriteCodeNotebook(scratch.File("plain.ipynb"), "var x = 1;");
        var result = await new NotebookRunner(new NotebookRunOptions { Quick = true }).RunAsync(path);
        Assert.True(result.Succeeded);
        Assert.DoesNotContain(result.Notebook.Cells, c => c.HasTag(NotebookCell.InjectedParametersTag));
    }

    [Fact]
    public async Task A_Parameter_For_A_Notebook_Without_Parameters_Fails_Naming_It()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.WriteCodeNotebook(scratch.File("plain.ipynb"), "var x = 1;");
        var e = await Assert.ThrowsAsync<ParameterException>(() => new NotebookRunner(new NotebookRunOptions { Parameters = Overrides(("seed", "1")) }).RunAsync(path));
        Assert.Contains("no cell tagged 'parameters'", e.Message, StringComparison.Ordinal);
        Assert.Contains("plain.ipynb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_Run_Without_An_Injected_Cell_And_Record_No_Parameters()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.StageFixture(scratch, "runner-fixture.ipynb");
        var result = await new NotebookRunner().RunAsync(path);
        Assert.DoesNotContain(result.Notebook.Cells, c => c.HasTag(NotebookCell.InjectedParametersTag));
        Assert.Empty(result.Notebook.Metadata["papermill"]!["parameters"]!.AsObject());
        Assert.Equal(42, result.Variables["seed"]);
        Assert.IsType<JsonObject>(result.Parameters);
    }
}
