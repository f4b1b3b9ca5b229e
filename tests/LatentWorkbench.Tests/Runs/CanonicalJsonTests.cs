using LatentWorkbench.Runs;

namespace LatentWorkbench.Tests.Runs;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Nested_Objects_Are_Sorted_And_Arrays_Keep_Their_Order()
    {
        const string json = """
            { "z": [3, 1, {"b": 2, "a": 1}], "a": { "y": true, "x": null }, "B": "upper sorts first" }
            """;

        Assert.Equal("""{"B":"upper sorts first","a":{"x":null,"y":true},"z":[3,1,{"a":1,"b":2}]}""", CanonicalJson.Normalize(json));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.0", "1")]
    [InlineData("1e0", "1")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("0.1", "0.1")]
    [InlineData("1.5e2", "150")]
    [InlineData("1e-5", "1E-05")]
    [InlineData("0.00001", "1E-05")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("9007199254740993", "9007199254740993")]
    [InlineData("1e300", "1E+300")]
    [InlineData("0.30000000000000004", "0.30000000000000004")]
    public void Numbers_Are_Written_By_Value(string literal, string expected)
    {
        Assert.Equal(expected, CanonicalJson.CanonicalNumber(literal));
        Assert.Equal($"[{expected}]", CanonicalJson.Normalize($"[{literal}]"));
    }

    [Fact]
    public void Strings_Escape_Only_What_Json_Requires()
    {
        Assert.Equal("[\"β-VAE \\\"quoted\\\" \\\\ tab\\t\"]", CanonicalJson.Normalize("[\"\\u03b2-VAE \\\"quoted\\\" \\\\ tab\\t\"]"));
    }

    [Fact]
    public void A_Repeated_Key_Is_Rejected_With_Its_Name()
    {
        var error = Assert.Throws<ArgumentException>(() => CanonicalJson.Normalize("""{"lr": 1, "lr": 2}"""));
        Assert.Contains("\"lr\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_That_Is_Not_Json_Is_Rejected()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Normalize("{hidden: 400}"));
    }

    [Fact]
    public void Normalizing_Twice_Changes_Nothing()
    {
        string once = CanonicalJson.Normalize("""{"b": [1.50, 2e3], "a": "x"}""");

        Assert.Equal(once, CanonicalJson.Normalize(once));
    }
}
