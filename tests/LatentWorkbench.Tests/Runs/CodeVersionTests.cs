using LatentWorkbench.Runs;

namespace LatentWorkbench.Tests.Runs;

public sealed class CodeVersionTests
{
    [Theory]
    [InlineData("1.0.0+d32ea4b8a3170e95bea4c59071c35f9985ca04e2", "1.0.0+d32ea4b")]
    [InlineData("1.0.0+d32ea4b", "1.0.0+d32ea4b")]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("1.0.0+local-build", "1.0.0+local-build")]
    public void Short_Cuts_Only_A_Long_Commit_To_Seven_Hex_Digits(string version, string expected) =>
        Assert.Equal(expected, CodeVersion.Short(version));
}
