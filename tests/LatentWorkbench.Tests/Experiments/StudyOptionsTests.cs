using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Autoencoders;
using LatentWorkbench.Experiments.Collapse;
using LatentWorkbench.Experiments.Gans;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Tests.Experiments;

public sealed class StudyOptionsTests
{
    [Fact]
    public void Every_Studys_Options_Record_Spells_Seed_Device_And_Counts_Once()
    {
        var options = typeof(StudyOptions).Assembly.GetExportedTypes()
            .Where(t => t.Namespace?.StartsWith("LatentWorkbench.Experiments.", StringComparison.Ordinal) == true && t.Name.EndsWith("ExperimentOptions", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(typeof(VaeExperimentOptions), options);
        var studies = options.Where(t => t.GetProperty(nameof(StudyOptions.Seed)) is not null).ToList();
        Assert.NotEmpty(studies);
        Assert.All(studies, t => Assert.True(t.IsSubclassOf(typeof(StudyOptions)), $"{t.Name} declares its own seed instead of deriving from StudyOptions"));
        Assert.All(studies, t => Assert.Equal(typeof(StudyOptions), t.GetProperty(nameof(StudyOptions.TrainCount))!.DeclaringType));
    }

    [Fact]
    public void A_Count_Of_Zero_Is_Refused_Naming_The_Field_In_Every_Study()
    {
        Assert.Equal("TrainCount", Assert.Throws<ArgumentOutOfRangeException>(() => (VaeExperimentOptions.Default with { TrainCount = 0 }).Validate()).ParamName);
        Assert.Equal("TestCount", Assert.Throws<ArgumentOutOfRangeException>(() => (AutoencoderExperimentOptions.Default with { TestCount = -1 }).Validate()).ParamName);
        Assert.Equal("TrainCount", Assert.Throws<ArgumentOutOfRangeException>(() => (CollapseExperimentOptions.Default with { TrainCount = 0 }).Validate()).ParamName);
    }

    [Fact]
    public void Studies_Keep_Their_Own_Default_Data_Size()
    {
        Assert.Null(VaeExperimentOptions.Default.TrainCount);
        Assert.Equal(10_000, CollapseExperimentOptions.Default.TrainCount);
        Assert.Equal(10_000, GanExperimentOptions.Default.TrainCount);
        Assert.Equal(MnistSplit.PublishedTrainCount / 100, (CollapseExperimentOptions.Default with { TrainCount = null }).StepsPerEpoch);
    }
}
