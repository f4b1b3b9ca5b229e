using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Notebooks.Twins;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks.Twins;

/// <summary>A notebook and its twin (notebooks/NN-name.cs) are the same program, both ways.</summary>
public sealed class NotebookPairingTests
{
    public static TheoryData<string> Notebooks => ShippedNotebookTests.Notebooks;

    private static string PathOf(string name) => Path.Combine(NotebookTestFiles.RepositoryRoot, "notebooks", name);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_To_Twin_To_Notebook_Keeps_Every_Cell_Source_Id_And_Metadata(string name)
    {
        var original = Notebook.Load(PathOf(name));
        string twin = TwinWriter.Write(original, PathOf(name));

        var back = Notebook.Load(PathOf(name));
        NotebookPairing.Update(back, TwinReader.Read(twin, "twin.cs"), "twin.cs");

        Assert.Equal(IpynbSerializer.Serialize(original), IpynbSerializer.Serialize(back));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_Committed_Twin_Is_What_Its_Notebook_Generates(string name)
    {
        // What CI's `workbench notebooks pair --check` checks: run `notebooks pair` after editing a notebook.
        Assert.Null(NotebookPairing.Drift(PathOf(name)));
    }

    [Fact]
    public void A_Cells_Trailing_Value_Is_Displayed_And_Magic_Lines_Are_Translated()
    {
        var notebook = new Notebook(PolyglotMetadata.NotebookMetadata(),
        [
            NotebookCell.NewCode("0000000a", TwinSyntax.LibraryReference + "\nusing LatentWorkbench.Data;"),
            NotebookCell.NewCode("0000000b", "var seed = 1;\nint[] ks = [2, 3];", NotebookCell.ParametersTag),
            NotebookCell.NewCode("0000000c", "var x = seed + 1;\nx * 2 // doubled"),
            NotebookCell.NewMarkdown("0000000d", "# Title\n\nText."),
        ]);
        string twin = TwinWriter.Write(notebook, "nb.ipynb");

        Assert.Contains(TwinSyntax.TwinProjectReference + "\nusing LatentWorkbench.Data;", twin, StringComparison.Ordinal);
        Assert.Contains("// %% id=\"0000000b\" tags=[\"parameters\"]", twin, StringComparison.Ordinal);
        Assert.Contains("ks = global::LatentWorkbench.Twins.Twin.Parameter(nameof(ks), ks); // twin", twin, StringComparison.Ordinal);
        Assert.Contains("display(/*twin*/x * 2/*twin*/); // doubled", twin, StringComparison.Ordinal);
        Assert.Contains("// %% [markdown] id=\"0000000d\"\n// # Title\n//\n// Text.", twin, StringComparison.Ordinal);
        Assert.EndsWith("global::LatentWorkbench.Twins.Twin.End(); // twin\n\n", twin, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#!time\nvar x = 1;", "'#!time'")]
    [InlineData("using System.Text;\nvar x = 1;", "using directive")]
    public void What_A_Program_Cannot_Hold_Is_Refused_Naming_The_Cell(string secondCell, string expected)
    {
        var notebook = new Notebook(PolyglotMetadata.NotebookMetadata(),
        [
            NotebookCell.NewCode("0000000a", "var a = 0;"),
            NotebookCell.NewCode("0000000b", secondCell),
        ]);
        var e = Assert.Throws<TwinFormatException>(() => TwinWriter.Write(notebook, "nb.ipynb"));
        Assert.Contains("nb.ipynb: cell 2 (id 0000000b)", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Edited_Twin_Comes_Back_With_Ids_And_Metadata_Kept_And_New_Cells_Added()
    {
        using var scratch = new TempDirectory();
        string notebookPath = scratch.File("nb.ipynb");
        var notebook = new Notebook(PolyglotMetadata.NotebookMetadata(),
        [
            NotebookCell.NewCode("0000000a", "var seed = 1;", NotebookCell.ParametersTag),
            NotebookCell.NewCode("0000000b", "seed + 1"),
        ]);
        notebook.Save(notebookPath);
        Assert.True(NotebookPairing.WriteTwin(notebookPath));
        string twinPath = NotebookPairing.TwinPath(notebookPath);
        string edited = File.ReadAllText(twinPath).Replace("var seed = 1;", "var seed = 2;", StringComparison.Ordinal)
            + "// %% [markdown]\n// A note written in the twin.\n";
        File.WriteAllText(twinPath, edited);

        Assert.True(NotebookPairing.TakeTwinBack(notebookPath));

        var back = Notebook.Load(notebookPath);
        Assert.Equal(["0000000a", "0000000b"], back.Cells.Take(2).Select(c => c.Id));
        Assert.Equal("var seed = 2;", back.Cells[0].Source);
        Assert.True(back.Cells[0].HasTag(NotebookCell.ParametersTag));
        Assert.Equal("seed + 1", back.Cells[1].Source);
        Assert.Equal((CellKind.Markdown, "A note written in the twin."), (back.Cells[2].Kind, back.Cells[2].Source));
        Assert.True(CellIds.IsHexId(back.Cells[2].Id));
    }

    [Theory]
    [InlineData("// %% [markdown] id=\"0000000c\"", "// %% [markdown] id=\"0000000c\"\n// Notes.\nvar stray = 1;", "line 20", "'//' comments")]
    [InlineData("var seed = 1;", "var seed = ;", "line 8", "does not parse")]
    public void A_Twin_That_Cannot_Map_Back_Names_The_Line_And_Leaves_The_Notebook_Untouched(string find, string replace, string line, string why)
    {
        using var scratch = new TempDirectory();
        string notebookPath = scratch.File("nb.ipynb");
        new Notebook(PolyglotMetadata.NotebookMetadata(),
        [
            NotebookCell.NewCode("0000000a", "var seed = 1;", NotebookCell.ParametersTag),
            NotebookCell.NewCode("0000000b", "seed + 1"),
            NotebookCell.NewMarkdown("0000000c", "Notes."),
        ]).Save(notebookPath);
        NotebookPairing.WriteTwin(notebookPath);
        string before = File.ReadAllText(notebookPath);
        string twinPath = NotebookPairing.TwinPath(notebookPath);
        string twin = File.ReadAllText(twinPath);
        Assert.Contains(find, twin, StringComparison.Ordinal);
        File.WriteAllText(twinPath, find.StartsWith("//", StringComparison.Ordinal) ? twin.Replace(find + "\n// Notes.", replace, StringComparison.Ordinal) : twin.Replace(find, replace, StringComparison.Ordinal));

        var e = Assert.Throws<TwinFormatException>(() => NotebookPairing.TakeTwinBack(notebookPath));

        Assert.Contains(line, e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(notebookPath));
    }

    [Fact]
    public void Drift_Names_The_First_Line_That_Differs()
    {
        using var scratch = new TempDirectory();
        string notebookPath = scratch.File("nb.ipynb");
        var notebook = new Notebook(PolyglotMetadata.NotebookMetadata(), [NotebookCell.NewCode("0000000a", "var seed = 1;", NotebookCell.ParametersTag)]);
        notebook.Save(notebookPath);
        Assert.Contains("is missing", NotebookPairing.Drift(notebookPath), StringComparison.Ordinal);
        NotebookPairing.WriteTwin(notebookPath);
        Assert.Null(NotebookPairing.Drift(notebookPath));

        notebook.Cells[0].Source = "var seed = 3;";
        notebook.Save(notebookPath);
        Assert.Contains("var seed = 3;", NotebookPairing.Drift(notebookPath), StringComparison.Ordinal);
    }
}
