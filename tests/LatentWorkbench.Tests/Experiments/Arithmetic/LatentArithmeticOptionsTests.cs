using LatentWorkbench.Compute;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Arithmetic;
using LatentWorkbench.Metrics;
using TorchSharp;

namespace LatentWorkbench.Tests.Experiments.Arithmetic;

public sealed class LatentArithmeticOptionsTests
{
    public LatentArithmeticOptionsTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Quick_Measures_On_Fewer_Digits_And_Keeps_The_Rest()
    {
        var full = LatentArithmeticOptions.Default;
        var quick = full.WithBudget(StudyBudget.Quick);
        quick.Validate();
        Assert.True(quick.InterpolationPairs < full.InterpolationPairs);
        Assert.True(quick.CodeSampleCount < full.CodeSampleCount);
        Assert.True(quick.AttributeWalkOrigins < full.AttributeWalkOrigins);
        Assert.True(quick.ClassChangeSources < full.ClassChangeSources);
        Assert.True(quick.AnalogyCandidates < full.AnalogyCandidates);
        Assert.True(quick.TransferWriters < full.TransferWriters);
        Assert.Equal(full.InterpolationSteps, quick.InterpolationSteps);
        Assert.Equal(full.AnalogyPairs, quick.AnalogyPairs);
        Assert.Equal(full.Attributes, quick.Attributes);
    }

    [Fact]
    public void Validation_Names_The_Option_That_Is_Wrong()
    {
        Assert.Equal("InterpolationSteps", Assert.Throws<ArgumentOutOfRangeException>(() => (LatentArithmeticOptions.Default with { InterpolationSteps = 1 }).Validate()).ParamName);
        Assert.Equal("InterpolationPairs", Assert.Throws<ArgumentOutOfRangeException>(() => (LatentArithmeticOptions.Default with { InterpolationPairs = 0 }).Validate()).ParamName);
        Assert.Equal("AnalogyPairs", Assert.Throws<ArgumentOutOfRangeException>(() => (LatentArithmeticOptions.Default with { AnalogyPairs = [new(3, 12)] }).Validate()).ParamName);
        Assert.Equal("Attributes", Assert.Throws<ArgumentOutOfRangeException>(() => (LatentArithmeticOptions.Default with { Attributes = [(DigitAttribute)5] }).Validate()).ParamName);
    }

    [Fact]
    public void Each_Attribute_Is_Measured_By_Its_Image_Attribute()
    {
        using var generator = new torch.Generator(1);
        using var images = torch.rand([5, 28 * 28], generator: generator);
        Assert.True(DigitAttribute.Thickness.Measure(images).allclose(ImageAttributes.InkMass(images)));
        Assert.True(DigitAttribute.Slant.Measure(images).allclose(ImageAttributes.Slant(images)));
        Assert.Equal(["thickness", "slant"], Enum.GetValues<DigitAttribute>().Select(a => a.Name()));
    }
}
