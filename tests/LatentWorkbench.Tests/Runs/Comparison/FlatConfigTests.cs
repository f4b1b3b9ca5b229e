using LatentWorkbench.Runs.Comparison;

namespace LatentWorkbench.Tests.Runs.Comparison;

public sealed class FlatConfigTests
{
    [Fact]
    public void Nested_Objects_Become_Dotted_Names_And_Lists_Stay_One_Field()
    {
        var fields = FlatConfig.Flatten("""{"model":{"network":{"latent_size":20},"beta":0.5},"ks":[2,10,30],"kind":"elbo","shuffle":true,"note":null}""");

        Assert.Equal(["model.network.latent_size", "model.beta", "ks", "kind", "shuffle", "note"], fields.Select(f => f.Key));
        Assert.Equal(20L, fields[0].Value);
        Assert.Equal(0.5, fields[1].Value);
        Assert.Equal("[2,10,30]", fields[2].Value);
        Assert.Equal("elbo", fields[3].Value);
        Assert.Equal(true, fields[4].Value);
        Assert.Null(fields[5].Value);
    }

    [Fact]
    public void A_Config_That_Is_Not_An_Object_Is_One_Field_Named_Config() =>
        Assert.Equal(new KeyValuePair<string, object?>("config", 3L), Assert.Single(FlatConfig.Flatten("3")));

    [Theory]
    [InlineData("20", 20L)]
    [InlineData("20.0", 20L)]
    [InlineData("2e1", 20L)]
    [InlineData("0.001", 0.001)]
    [InlineData("1e-3", 0.001)]
    [InlineData("true", true)]
    [InlineData("'adam'", "adam")]
    public void What_A_User_Types_Compares_Equal_To_The_Stored_Value(string typed, object stored) =>
        Assert.Equal(FlatConfig.Key(stored), FlatConfig.KeyOfTyped(typed));
}
