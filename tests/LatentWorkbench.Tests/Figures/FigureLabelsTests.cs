using LatentWorkbench.Compute;
using LatentWorkbench.Figures;
using LatentWorkbench.Images;
using LatentWorkbench.Notebooks.Figures;
using LatentWorkbench.Tables;
using TorchSharp;

namespace LatentWorkbench.Tests.Figures;

/// <summary>One way to name and caption every figure kind: WithId / WithCaption on charts, tables and images.</summary>
public sealed class FigureLabelsTests
{
    [Fact]
    public void A_Chart_Keeps_Its_Id_And_Caption_Through_Later_Changes_And_Knows_Its_Title()
    {
        var chart = Charts.Line([1.0, 2.0], "a", title: "Loss per epoch").WithId("loss").WithCaption("Loss of *both* runs").AddLine([2.0, 3.0], "b");

        Assert.Equal(new FigureLabel("loss", "Loss per epoch", "Loss of *both* runs"), FigureLabels.Of(chart));
        Assert.Contains("\"figureId\":\"loss\"", chart.ToFigureJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_The_Caption_Keeps_The_Id_And_Setting_The_Id_Again_Replaces_It()
    {
        var chart = Charts.Bar(["x"], [1.0]).WithId("first").WithCaption("c").WithId("second");

        Assert.Equal(new FigureLabel("second", null, "c"), FigureLabels.Of(chart));
    }

    [Fact]
    public void Tables_And_Images_Take_Ids_And_Captions_The_Same_Way()
    {
        TorchRuntime.EnsureInitialized();
        var table = DataFrames.FromRows(["k", "error"], [[2, 0.5]], title: "Errors").WithId("errors-table").WithCaption("Per k");
        using var values = torch.zeros([2, 784]);
        using var grid = GridImage.FromImages(values, 2, title: "Blank").WithId("blank-grid");

        Assert.Equal(new FigureLabel("errors-table", "Errors", "Per k"), FigureLabels.Of(table));
        Assert.Equal(new FigureLabel("blank-grid", "Blank", null), FigureLabels.Of(grid));
        Assert.Equal(FigureLabel.None, FigureLabels.Of("not a figure"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Recon-Error")]
    [InlineData("recon error")]
    [InlineData("-recon")]
    [InlineData("recon/error")]
    public void An_Id_That_Cannot_Be_A_Portable_File_Name_Is_Refused_With_The_Rule(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.Bar(["x"], [1.0]).WithId(id));
        Assert.Contains("lower-case letters, digits and inner dashes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Label_Json_Leaves_Out_What_Is_Not_Set()
    {
        Assert.Equal("{\"id\":\"a\",\"caption\":\"b\"}", new FigureLabel("a", null, "b").ToJson());
        Assert.Equal("{}", FigureLabel.None.ToJson());
    }

    [Fact]
    public void The_Runner_Knows_The_Label_Mime_Type_And_The_Output_Variable_By_The_Librarys_Names()
    {
        // The runner does not reference the library (notebooks load it themselves), so it spells both names itself.
        Assert.Equal(FigureLabel.MimeType, LatentWorkbench.Notebooks.Formatting.MimeTypes.FigureLabel);
        Assert.Equal(FigureFolder.OutputVariable, LatentWorkbench.Notebooks.Execution.NotebookRunner.OutputVariable);
    }

    [Theory]
    [InlineData("Reconstruction error against k")]
    [InlineData("  β-VAE: KL per dimension (nats)  ")]
    [InlineData("The first 40 training digits")]
    [InlineData("***")]
    public void A_Title_Makes_The_Same_Id_In_The_Library_And_The_Runner(string title)
    {
        Assert.Equal(FigureId.FromTitle(title) ?? "figure", FigureExporter.Slug(title));
    }
}
