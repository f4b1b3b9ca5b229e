using LatentWorkbench.Compute;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Autoencoders;
using LatentWorkbench.Experiments.Projections;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Tests.Experiments.Projections;

public sealed class ProjectionStudyOptionsTests
{
    [Fact]
    public void The_Defaults_Are_The_Reducers_Published_Ones_On_Every_Space()
    {
        var options = ProjectionStudyOptions.Default;
        options.Validate();
        Assert.Equal(Enum.GetValues<ProjectionInputSpace>(), options.Spaces);
        Assert.Equal(30, options.TsneProjection.Tsne.Perplexity);
        Assert.Equal(15, options.UmapProjection.Umap.Neighbors);
        Assert.Equal(0.1, options.UmapProjection.Umap.MinDist);
        Assert.Contains(options.TsneProjection.Tsne.Perplexity, options.Perplexities);
        Assert.Contains(options.UmapProjection.Umap.Neighbors, options.NeighborCounts);
        Assert.Contains(options.UmapProjection.Umap.MinDist, options.MinDists);
    }

    [Fact]
    public void The_Seed_Reaches_Both_Reducers_And_Both_Models()
    {
        var options = ProjectionStudyOptions.Default with { Seed = 7, Device = DeviceChoice.Cpu };
        Assert.Equal(7, options.TsneProjection.Tsne.Seed);
        Assert.Equal(7, options.UmapProjection.Umap.Seed);
        Assert.Equal((7L, DeviceChoice.Cpu), (ProjectionStudy.AutoencoderOptions(options).Seed, ProjectionStudy.AutoencoderOptions(options).Device));
        Assert.Equal((7L, DeviceChoice.Cpu), (ProjectionStudy.VaeOptions(options).Seed, ProjectionStudy.VaeOptions(options).Device));
    }

    [Fact]
    public void The_Models_Are_Notebook_02s_And_03s_So_Their_Stored_Runs_Are_Shared()
    {
        foreach (var budget in Enum.GetValues<StudyBudget>())
        {
            var options = ProjectionStudyOptions.Default.WithBudget(budget) with { Seed = 3 };
            var notebook02 = AutoencoderExperimentOptions.Default.WithBudget(budget) with { CodeSize = 30, Seed = 3 };
            var notebook03 = VaeExperimentOptions.Default.WithBudget(budget) with { Seed = 3 };
            Assert.Equal(AutoencoderExperiment.Recipe(notebook02).CacheKey("d").ToString(), AutoencoderExperiment.Recipe(ProjectionStudy.AutoencoderOptions(options)).CacheKey("d").ToString());
            Assert.Equal(VaeExperiment.Recipe(notebook03).CacheKey("d").ToString(), VaeExperiment.Recipe(ProjectionStudy.VaeOptions(options)).CacheKey("d").ToString());
        }
    }

    [Fact]
    public void Quick_Shrinks_The_Work_And_Long_Maps_Every_Digit()
    {
        var quick = ProjectionStudyOptions.Default.WithBudget(StudyBudget.Quick);
        var full = ProjectionStudyOptions.Default;
        Assert.True(quick.Points < full.Points);
        Assert.True(quick.AllDigitsPoints < full.AllDigitsPoints);
        Assert.True(quick.Tsne.Iterations < full.Tsne.Iterations);
        Assert.NotNull(quick.TrainCount);
        Assert.Equal(ProjectionStudyOptions.AllDigits, ProjectionStudyOptions.Default.WithBudget(StudyBudget.Long).AllDigitsPoints);
        Assert.True(ProjectionStudyOptions.Default.WithBudget(StudyBudget.Long).Vae.Training.Epochs > full.Vae.Training.Epochs);
    }

    [Fact]
    public void Validation_Names_The_Option_That_Is_Wrong()
    {
        Assert.Equal("Spaces", Assert.Throws<ArgumentException>(() => (ProjectionStudyOptions.Default with { Spaces = [] }).Validate()).ParamName);
        Assert.Equal("Spaces", Assert.Throws<ArgumentOutOfRangeException>(() => (ProjectionStudyOptions.Default with { Spaces = [(ProjectionInputSpace)9] }).Validate()).ParamName);
        Assert.Equal("Perplexities", Assert.Throws<ArgumentOutOfRangeException>(() => (ProjectionStudyOptions.Default with { Perplexities = [30, 0] }).Validate()).ParamName);
        Assert.Equal("Perplexities", Assert.Throws<ArgumentException>(() => (ProjectionStudyOptions.Default with { Perplexities = [] }).Validate()).ParamName);
        Assert.Equal("NeighborCounts", Assert.Throws<ArgumentOutOfRangeException>(() => (ProjectionStudyOptions.Default with { NeighborCounts = [1] }).Validate()).ParamName);
        Assert.Equal("MinDists", Assert.Throws<ArgumentOutOfRangeException>(() => (ProjectionStudyOptions.Default with { MinDists = [-0.1] }).Validate()).ParamName);
        Assert.Equal("PcaComponents", Assert.Throws<ArgumentOutOfRangeException>(() => (ProjectionStudyOptions.Default with { PcaComponents = 0 }).Validate()).ParamName);
        (ProjectionStudyOptions.Default with { MinDists = [0.0], NeighborCounts = [2], Perplexities = [0.5] }).Validate();
    }
}
