using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LatentWorkbench.Runs;

namespace LatentWorkbench.Tests.Runs;

public sealed class RunKeyTests
{
    private sealed record VaeConfig(int Hidden, int Epochs, double LearningRate, string Name, ulong Seed);

    // The same properties declared in another order.
    private sealed record ReorderedVaeConfig(ulong Seed, string Name, double LearningRate, int Epochs, int Hidden);

    private sealed record FloatConfig(int Hidden, int Epochs, float LearningRate, string Name, ulong Seed);

    private sealed record ConfigWithOptional(int Hidden, string? Note = null);

    private enum Activation
    {
        Relu,
        LeakyRelu,
    }

    private sealed record ConfigWithEnum(Activation Activation);

    private static readonly VaeConfig s_seedVae = new(400, 10, 1e-3, "seed vae", 0);

    [Fact]
    public void Hash_Is_Sha256_Of_The_Documented_Canonical_Document()
    {
        const string document = """{"config":{"epochs":10,"hidden":400,"learning_rate":0.001,"name":"seed vae","seed":0},"model":"vae"}""";
        var key = RunKey.For("vae", s_seedVae);

        Assert.Equal("""{"epochs":10,"hidden":400,"learning_rate":0.001,"name":"seed vae","seed":0}""", key.ConfigJson);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document))), key.ConfigHash);
        // Pinned (computed with `printf '%s' DOCUMENT | sha256sum`): a change here invalidates every cached run.
        Assert.Equal("4166abdd11b402846266f598ba1b51e0c1ad35265dee9754f057e0b3fa286722", key.ConfigHash);
        Assert.Equal(key.ConfigHash[..12], key.ShortHash);
    }

    [Fact]
    public void Property_Order_Does_Not_Change_The_Hash()
    {
        var reordered = new ReorderedVaeConfig(0, "seed vae", 1e-3, 10, 400);
        const string shuffledJson = """ { "seed": 0, "name": "seed vae", "hidden": 400, "learning_rate": 0.001, "epochs": 10 } """;

        string expected = RunKey.For("vae", s_seedVae).ConfigHash;
        Assert.Equal(expected, RunKey.For("vae", reordered).ConfigHash);
        Assert.Equal(expected, RunKey.FromJson("vae", shuffledJson).ConfigHash);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("1e-3")]
    [InlineData("1E-3")]
    [InlineData("0.0010")]
    [InlineData("10e-4")]
    public void Number_Spelling_Does_Not_Change_The_Hash(string learningRate)
    {
        string json = $$"""{"hidden": 4.0e2, "epochs": 10.0, "learning_rate": {{learningRate}}, "name": "seed vae", "seed": -0}""";

        Assert.Equal(RunKey.For("vae", s_seedVae).ConfigHash, RunKey.FromJson("vae", json).ConfigHash);
    }

    [Fact]
    public void A_Float_And_A_Double_With_The_Same_Decimal_Value_Hash_Alike()
    {
        var asFloat = new FloatConfig(400, 10, 1e-3f, "seed vae", 0);

        Assert.Equal(RunKey.For("vae", s_seedVae).ConfigHash, RunKey.For("vae", asFloat).ConfigHash);
    }

    [Fact]
    public void The_Current_Culture_Does_Not_Change_The_Json_Or_The_Hash()
    {
        var invariant = RunKey.For("vae", s_seedVae);
        var previous = CultureInfo.CurrentCulture;
        var commaDecimals = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaDecimals.NumberFormat.NumberDecimalSeparator = ",";
        commaDecimals.NumberFormat.NegativeSign = "~";
        try
        {
            CultureInfo.CurrentCulture = commaDecimals;
            var underComma = RunKey.For("vae", s_seedVae with { LearningRate = 2.5e-4 });
            Assert.Contains("\"learning_rate\":0.00025", underComma.ConfigJson, StringComparison.Ordinal);
            Assert.Equal(invariant, RunKey.For("vae", s_seedVae));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Different_Values_Or_Models_Give_Different_Hashes()
    {
        string baseline = RunKey.For("vae", s_seedVae).ConfigHash;

        Assert.NotEqual(baseline, RunKey.For("vae", s_seedVae with { LearningRate = 1.0000000001e-3 }).ConfigHash);
        Assert.NotEqual(baseline, RunKey.For("vae", s_seedVae with { Seed = 1 }).ConfigHash);
        Assert.NotEqual(baseline, RunKey.For("autoencoder", s_seedVae).ConfigHash);
    }

    [Fact]
    public void A_Null_Optional_Property_Is_Left_Out_So_Adding_One_Keeps_Old_Hashes()
    {
        Assert.Equal(RunKey.FromJson("ae", """{"hidden":8}""").ConfigHash, RunKey.For("ae", new ConfigWithOptional(8)).ConfigHash);
        Assert.NotEqual(RunKey.FromJson("ae", """{"hidden":8}""").ConfigHash, RunKey.For("ae", new ConfigWithOptional(8, "x")).ConfigHash);
    }

    [Fact]
    public void Enums_Are_Written_By_Name()
    {
        Assert.Equal("""{"activation":"leaky_relu"}""", RunKey.For("ae", new ConfigWithEnum(Activation.LeakyRelu)).ConfigJson);
    }

    [Fact]
    public void A_Blank_Model_Is_Rejected()
    {
        Assert.Throws<ArgumentException>(() => RunKey.For(" ", s_seedVae));
    }

    [Theory]
    [InlineData("4166abdd11b402846266f598ba1b51e0c1ad35265dee9754f057e0b3fa286722", true)]
    [InlineData("4166ABDD11B402846266F598BA1B51E0C1AD35265DEE9754F057E0B3FA286722", true)]
    [InlineData("4166abdd11b4", false)]
    [InlineData("g166abdd11b402846266f598ba1b51e0c1ad35265dee9754f057e0b3fa286722", false)]
    [InlineData(null, false)]
    public void IsConfigHash_Accepts_64_Hex_Digits_Only(string? text, bool expected)
    {
        Assert.Equal(expected, RunKey.IsConfigHash(text));
    }
}
