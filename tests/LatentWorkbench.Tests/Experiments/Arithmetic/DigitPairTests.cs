using LatentWorkbench.Experiments.Arithmetic;

namespace LatentWorkbench.Tests.Experiments.Arithmetic;

public sealed class DigitPairTests
{
    [Theory]
    [InlineData("3:5", 3, 5)]
    [InlineData(" 0 : 9 ", 0, 9)]
    public void Two_Digits_Separated_By_A_Colon_Parse(string text, int first, int second) =>
        Assert.Equal(new DigitPair(first, second), DigitPair.Parse(text));

    [Theory]
    [InlineData("3-5")]
    [InlineData("3:10")]
    [InlineData("3:")]
    [InlineData("a:5")]
    [InlineData("1:2:3")]
    [InlineData("-1:5")]
    public void Anything_Else_Is_Refused_Naming_The_Parameter(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => DigitPair.ParseAll(["1:7", text], "analogyPairs"));
        Assert.Equal("analogyPairs", error.ParamName);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Text_Form_Round_Trips() =>
        Assert.Equal(LatentArithmeticOptions.Default.AnalogyPairs, DigitPair.ParseAll(LatentArithmeticOptions.Default.AnalogyPairs.Select(p => p.ToString())));
}
