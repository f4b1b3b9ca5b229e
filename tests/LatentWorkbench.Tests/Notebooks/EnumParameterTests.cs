using LatentWorkbench.Compute;
using LatentWorkbench.Experiments;
using LatentWorkbench.Notebooks.Parameters;

namespace LatentWorkbench.Tests.Notebooks;

/// <summary><c>--set</c> for enum parameters (<c>budget=quick</c>, <c>device=cpu</c>): members by name, checked before anything runs.</summary>
public sealed class EnumParameterTests
{
    private static readonly ParameterEnums Library = new(typeof(StudyBudget).Assembly.GetExportedTypes());

    [Theory]
    [InlineData("StudyBudget budget = StudyBudget.Default;", "StudyBudget")]
    [InlineData("var budget = StudyBudget.Default;", "StudyBudget")]
    [InlineData("LatentWorkbench.Experiments.StudyBudget budget = LatentWorkbench.Experiments.StudyBudget.Default;", "LatentWorkbench.Experiments.StudyBudget")]
    public void A_Named_Type_Or_A_Member_Initializer_Declares_An_Enum_Parameter(string cell, string typeName)
    {
        var parameter = ParametersCell.Parse(cell).Single();
        Assert.Equal(ParameterType.Enum, parameter.Type);
        Assert.Equal(typeName, parameter.TypeName);
        Assert.Equal(typeof(StudyBudget), Library.Resolve(parameter));
    }

    [Theory]
    [InlineData("quick", "Quick")]
    [InlineData("LONG", "Long")]
    [InlineData(" StudyBudget.Default ", "Default")]
    public void Members_Are_Given_By_Name_In_Any_Case(string text, string member)
    {
        var parameter = ParametersCell.Parse("StudyBudget budget = StudyBudget.Default;").Single();
        var literal = ParameterLiteral.Parse(parameter, text, Library);
        Assert.Equal("global::LatentWorkbench.Experiments.StudyBudget." + member, literal.CSharp);
        Assert.Equal(member, literal.Json!.GetValue<string>());
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("1")]
    [InlineData("DeviceChoice.Quick")]
    [InlineData("")]
    public void Anything_Else_Is_Refused_Listing_The_Members(string text)
    {
        var parameter = ParametersCell.Parse("StudyBudget budget = StudyBudget.Default;").Single();
        var e = Assert.Throws<ParameterException>(() => ParameterLiteral.Parse(parameter, text, Library));
        Assert.Contains("'budget'", e.Message, StringComparison.Ordinal);
        Assert.Contains("default, quick, long", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Type_That_Is_No_Known_Enum_Cannot_Be_Overridden()
    {
        var parameter = ParametersCell.Parse("Widget w = Widget.Small;").Single();
        var e = Assert.Throws<ParameterException>(() => ParameterLiteral.Parse(parameter, "large", Library));
        Assert.Contains("'w'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Widget'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Value_This_Machine_Cannot_Use_Is_Refused_With_The_Reason()
    {
        var noGpu = new ParameterEnums([typeof(DeviceChoice)], v => v is DeviceChoice.Cuda ? "no CUDA device here" : null);
        var parameter = ParametersCell.Parse("DeviceChoice device = DeviceChoice.Auto;").Single();
        Assert.Equal("global::LatentWorkbench.Compute.DeviceChoice.Cpu", ParameterLiteral.Parse(parameter, "cpu", noGpu).CSharp);
        var e = Assert.Throws<ParameterException>(() => ParameterLiteral.Parse(parameter, "cuda", noGpu));
        Assert.Contains("'device'", e.Message, StringComparison.Ordinal);
        Assert.Contains("no CUDA device here", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_Of_Enums_Parse_Each_Element()
    {
        var parameter = ParametersCell.Parse("StudyBudget[] budgets = [StudyBudget.Quick];").Single();
        Assert.True(parameter.IsArray);
        var literal = ParameterLiteral.Parse(parameter, "quick,default", Library);
        Assert.Equal("new global::LatentWorkbench.Experiments.StudyBudget[] { global::LatentWorkbench.Experiments.StudyBudget.Quick, global::LatentWorkbench.Experiments.StudyBudget.Default }", literal.CSharp);
        var e = Assert.Throws<ParameterException>(() => ParameterLiteral.Parse(parameter, "quick,slow", Library));
        Assert.Contains("element 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("'slow'", e.Message, StringComparison.Ordinal);
    }
}
