using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Tests.Experiments.Vaes;

public sealed class VaeExperimentOptionsTests
{
    [Fact]
    public void The_Defaults_Are_The_Seed_Recipe()
    {
        var defaults = VaeExperimentOptions.Default;
        Assert.Equal(VaeArchitecture.Mlp, defaults.Architecture);
        Assert.Equal(new VaeConfig(784, 400, 20), defaults.Model);
        Assert.Same(ElboConfig.Instance, defaults.Variant);
        Assert.Equal(10, defaults.Training.Epochs);
        Assert.Equal(128, defaults.Training.BatchSize);
        Assert.Equal(0, defaults.Seed);
        Assert.Null(defaults.TrainCount);
        Assert.Equal("VAE 784-400-20 · ELBO", defaults.Title);
    }

    [Fact]
    public void The_Seed_Recipe_Keeps_Its_Run_Store_Key_So_Earlier_Runs_Are_Still_Found()
    {
        // The key the recipe had before the family was generalised: model "vae", config the VaeConfig itself.
        var options = VaeExperimentOptions.Default;
        var recipe = VaeExperiment.Recipe(options);
        var before = new ModelRecipe<Vae, VaeConfig>
        {
            ModelName = "vae",
            Config = options.Model,
            Build = () => new Vae(options.Model),
            Training = options.Training,
            Optimizer = options.Optimizer,
            Seed = options.Seed,
        };

        Assert.Equal("vae", recipe.ModelName);
        Assert.Equal(
            RunKey.For("vae", before.CacheKey("mnist-train:60000")).ConfigHash,
            RunKey.For(recipe.ModelName, recipe.CacheKey("mnist-train:60000")).ConfigHash);
    }

    [Theory]
    [InlineData(VaeArchitecture.Mlp, 1.0, null, "vae")]
    [InlineData(VaeArchitecture.Mlp, 4.0, null, "beta-vae")]
    [InlineData(VaeArchitecture.Mlp, 1.0, 5, "iwae")]
    [InlineData(VaeArchitecture.Conv, 1.0, null, "conv-vae")]
    [InlineData(VaeArchitecture.Conv, 0.5, null, "conv-beta-vae")]
    [InlineData(VaeArchitecture.Conv, 1.0, 5, "conv-iwae")]
    public void Every_Member_Of_The_Family_Is_Stored_Under_Its_Own_Name_And_Key(VaeArchitecture architecture, double beta, int? samples, string name)
    {
        var options = VaeExperimentOptions.Default with
        {
            Architecture = architecture,
            Variant = samples is { } k ? new IwaeConfig(k) : beta == 1 ? ElboConfig.Instance : new BetaVaeConfig(beta),
        };
        var recipe = VaeExperiment.Recipe(options);
        var seed = VaeExperiment.Recipe(VaeExperimentOptions.Default);

        Assert.Equal(name, recipe.ModelName);
        bool isSeed = name == "vae";
        Assert.Equal(isSeed, RunKey.For(recipe.ModelName, recipe.CacheKey("d")).ConfigHash == RunKey.For(seed.ModelName, seed.CacheKey("d")).ConfigHash);
    }

    [Fact]
    public void Build_Wraps_The_Chosen_Network_In_Its_Variant()
    {
        var conv = VaeExperimentOptions.Default with { Architecture = VaeArchitecture.Conv, Conv = new ConvVaeConfig(LatentSize: 3) };
        var iwae = Assert.IsType<Iwae>(VaeExperiment.Build(conv with { Variant = new IwaeConfig(3) }));
        Assert.IsType<ConvVae>(iwae.Network);
        Assert.Equal(3, iwae.Samples);
        var beta = Assert.IsType<BetaVae>(VaeExperiment.Build(VaeExperimentOptions.Default with { Variant = new BetaVaeConfig(2) }));
        Assert.Equal(2, beta.Beta);
        Assert.IsType<Vae>(VaeExperiment.Build(VaeExperimentOptions.Default));
    }

    [Fact]
    public void With_Latent_Size_Sets_Both_Networks_And_Shows_In_The_Title()
    {
        var two = VaeExperimentOptions.Default.WithLatentSize(2);
        Assert.Equal(2, two.Model.LatentSize);
        Assert.Equal(2, two.Conv.LatentSize);
        Assert.Equal(2, two.LatentSize);
        Assert.Equal("VAE 784-400-2 · ELBO", two.Title);
        Assert.Equal("conv VAE 32-64-2 · IWAE K=5", (two with { Architecture = VaeArchitecture.Conv, Variant = new IwaeConfig() }).Title);
        Assert.Equal("VAE 784-400-20 · β-VAE β=4", (VaeExperimentOptions.Default with { Variant = new BetaVaeConfig(4) }).Title);
    }

    [Fact]
    public void The_Conv_Defaults_Train_Fewer_Epochs_And_Its_Quick_Run_One()
    {
        var conv = VaeExperimentOptions.Defaults(VaeArchitecture.Conv);
        Assert.Equal(VaeExperimentOptions.Default with { Architecture = VaeArchitecture.Conv, Training = VaeExperimentOptions.Default.Training with { Epochs = VaeExperimentOptions.ConvEpochs } }, conv);
        Assert.True(VaeExperimentOptions.ConvEpochs < VaeExperimentOptions.Default.Training.Epochs);
        Assert.Equal(VaeExperimentOptions.Default, VaeExperimentOptions.Defaults(VaeArchitecture.Mlp));
        Assert.Equal(1, conv.WithBudget(StudyBudget.Quick).Training.Epochs);
        Assert.Equal(2, VaeExperimentOptions.Default.WithBudget(StudyBudget.Quick).Training.Epochs);
    }

    [Fact]
    public void Invalid_Options_Name_The_Field()
    {
        Assert.Equal("TrainCount", Assert.Throws<ArgumentOutOfRangeException>(() => (VaeExperimentOptions.Default with { TrainCount = 0 }).Validate()).ParamName);
        Assert.Equal("TestCount", Assert.Throws<ArgumentOutOfRangeException>(() => (VaeExperimentOptions.Default with { TestCount = -1 }).Validate()).ParamName);
        Assert.Equal("Epochs", Assert.Throws<ArgumentOutOfRangeException>(() => (VaeExperimentOptions.Default with { Training = new TrainerOptions { Epochs = 0 } }).Validate()).ParamName);
        Assert.Equal("LatentSize", Assert.Throws<ArgumentOutOfRangeException>(() => VaeExperimentOptions.Default.WithLatentSize(0).Validate()).ParamName);
        Assert.Equal("Beta", Assert.Throws<ArgumentOutOfRangeException>(() => (VaeExperimentOptions.Default with { Variant = new BetaVaeConfig(-1) }).Validate()).ParamName);
        Assert.Equal("Samples", Assert.Throws<ArgumentOutOfRangeException>(() => (VaeExperimentOptions.Default with { Variant = new IwaeConfig(0) }).Validate()).ParamName);
        // The conv network's sizes are only checked when it is chosen.
        var badConv = VaeExperimentOptions.Default with { Conv = new ConvVaeConfig(ImageSide: 30) };
        badConv.Validate();
        Assert.Throws<ArgumentOutOfRangeException>(() => (badConv with { Architecture = VaeArchitecture.Conv }).Validate());
    }
}
