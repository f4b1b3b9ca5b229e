using LatentWorkbench.Notebooks.Parameters;

namespace LatentWorkbench.Tests.Notebooks;

public sealed class ParameterOverridesTests
{
    [Theory]
    [InlineData("noequals")]
    [InlineData("=value")]
    public void Overrides_Without_A_Name_Are_Rejected(string pair)
    {
        var e = Assert.Throws<ArgumentException>(() => ParameterOverrides.Parse([pair]));
        Assert.Contains("name=value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Value_May_Hold_Equals_Signs_And_A_Later_Pair_Replaces_An_Earlier_One()
    {
        var overrides = ParameterOverrides.Parse(["label=x=y", "seed=1", "seed=2"]);
        Assert.Equal("x=y", overrides["label"]);
        Assert.Equal("2", overrides["seed"]);
    }
}
