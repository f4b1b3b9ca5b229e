using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Arithmetic;
using LatentWorkbench.Experiments.Autoencoders;
using LatentWorkbench.Experiments.Classifiers;
using LatentWorkbench.Experiments.ConditionalVaes;
using LatentWorkbench.Experiments.Collapse;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Tests.Experiments;

/// <summary>
/// The typed run-store keys hash exactly as the anonymous objects they replaced, so runs stored before keep being found.
/// Every hash below was read from a run store the quick runs of notebooks 02, 03, 05 and 06 filled before the change
/// (the default autoencoder's was computed by the code that wrote them).
/// </summary>
public sealed class RunKeyCompatibilityTests
{
    private const string QuickVaeData = "mnist-train:first-2000";

    private static VaeExperimentOptions QuickVae(int epochs = 2) =>
        VaeExperimentOptions.Default with { Training = VaeExperimentOptions.Default.Training with { Epochs = epochs } };

    private static string Hash<TModel, TConfig>(ModelRecipe<TModel, TConfig> recipe, string data)
        where TModel : class, LatentWorkbench.Models.ITorchModel
        where TConfig : notnull
        => RunKey.For(recipe.ModelName, recipe.CacheKey(data)).ConfigHash;

    [Fact]
    public void The_Vae_Family_Keeps_Its_Hashes()
    {
        Assert.Equal("c7134cb2b844aad3bd52ef04b1ff8974fe80f352fe626fbf4912077863a81a57", Hash(VaeExperiment.Recipe(QuickVae()), QuickVaeData));
        Assert.Equal("749e4fc58f5915471ae06535c38f0990b960108328f06cee7d388d109371c10d", Hash(VaeExperiment.Recipe(QuickVae().WithLatentSize(2)), QuickVaeData));
        Assert.Equal("a58be344d5a91194b472fe24f9591f2827aba6d757445b225c123e841a252e10", Hash(VaeExperiment.Recipe(QuickVae() with { Variant = new BetaVaeConfig(4) }), QuickVaeData));
        Assert.Equal("4e11eb8d78f7917452c83be7f414c93a714008f53b632acdcdb74274a2f0d114", Hash(VaeExperiment.Recipe(QuickVae(epochs: 1) with { Architecture = VaeArchitecture.Conv }), QuickVaeData));
        Assert.Equal("7863aac0c394a4f7bcdae6b2f076a77a40f4788f0dd2aadc489e89152c047ab1", Hash(VaeExperiment.Recipe(QuickVae() with { Variant = new IwaeConfig(5) }), QuickVaeData));
    }

    [Fact]
    public void The_Collapse_Study_Keeps_Its_Hashes()
    {
        var options = CollapseExperimentOptions.Default.WithBudget(StudyBudget.Quick);
        var remedies = options.Remedies();
        string[] expected =
        [
            "dcff9e3ab5b066d6a105cfd406763aa7cb3326c5b6beaef4ae756ecdc21e3993",
            "840f210c1810ade145e09e00b768168d9226555d9965b6f43142fef98c70ea6f",
            "5304cb37b6e1e1e007b1ef9683dde547c332fdf51c9f956df423f3a16bdb008f",
            "5219a8205d7b7c1db2df6643c41d8b9b0927ee49eba54f7e8f7daec0eab469db",
            "a77d24d7e9cb7e38dae26d33b457963b3cbd38e1402e39106f872fdcaa5a2e5c",
        ];
        Assert.Equal(expected, remedies.Select(r => Hash(CollapseExperiment.Recipe(r, options), "mnist-train:first-300")));
        Assert.Equal("5463a32ea566e1e312cc73747916c41c32ba994e3acf21aa5d6781a2a116a7eb", Hash(CollapseExperiment.Recipe(options.BetaSweep()[0], options), "mnist-train:first-300"));
    }

    [Fact]
    public void The_Classifier_Keeps_Its_Hash()
    {
        var classifier = ClassifierExperiment.Recipe(ClassifierExperimentOptions.Default.WithBudget(StudyBudget.Quick));
        Assert.Equal("285e34d95515f915da55ee9775e8fd09f407b2ff455363d79dc8959713f80de5", Hash(classifier, "mnist-train:first-5000"));
    }

    [Fact]
    public void The_Autoencoders_Keep_Their_Hashes()
    {
        // Notebook 02's quick runs (the first 2,000 digits), and the default MLP on all of them.
        static AutoencoderExperimentOptions Quick(AutoencoderArchitecture architecture) => AutoencoderExperimentOptions.Defaults(architecture).WithBudget(StudyBudget.Quick);
        const string QuickData = "mnist-train:first-2000";
        Assert.Equal("ac340e44134664bb7ff8395847e1925ab448b250dd10b7a185f11d6d80bd900e", Hash(AutoencoderExperiment.Recipe(AutoencoderExperimentOptions.Default), "mnist-train:60000"));
        Assert.Equal("d022b421f71c1d9ae246bfdd37d90a7f22c8df8a056b4a02c677203c55a26655", Hash(AutoencoderExperiment.Recipe(Quick(AutoencoderArchitecture.Mlp) with { CodeSize = 2 }), QuickData));
        Assert.Equal("8d1aa5a82fad52003ff076871a9a9a7654a5003d1d7b7143e8d3607dc8da7b66", Hash(AutoencoderExperiment.Recipe(Quick(AutoencoderArchitecture.Linear) with { CodeSize = 2 }), QuickData));
        Assert.Equal("92ffad333c8dd6fd64014fe67fa49972e43907e91c35e30911c44aef1f5f2cdb", Hash(AutoencoderExperiment.Recipe(Quick(AutoencoderArchitecture.Conv) with { CodeSize = 2 }), QuickData));
        Assert.Equal("946c538b98e46226fd5261931db6e7a278adb1c580a64cdb5fe8c6007acb6be8", Hash(AutoencoderExperiment.Recipe(Quick(AutoencoderArchitecture.Linear) with { CodeSize = 30, CenterInput = false }), QuickData));
        Assert.Equal("16e3034977fd0339c0bcc68cc7dd38e154c0a9e6e42bfba63806d521fd65b6a9", Hash(AutoencoderExperiment.Recipe(Quick(AutoencoderArchitecture.Denoising) with { CodeSize = 30 }), QuickData));
        Assert.Equal("6e1cd7e4875088c6b332aee2c2c98d10240938ed3dfb635eae8c14b6671860ed", Hash(AutoencoderExperiment.Recipe(Quick(AutoencoderArchitecture.Mlp) with { CodeSize = 10, ExcludedDigit = 4 }), QuickData + ":without-4"));
    }

    [Fact]
    public void The_Latent_Arithmetic_Models_Keep_Their_Hashes()
    {
        // Notebook 05's quick runs (the first 5,000 digits).
        const string QuickData = "mnist-train:first-5000";
        var arithmetic = LatentArithmeticOptions.Default.WithBudget(StudyBudget.Quick);
        Assert.Equal("59199d4702ea40a5709057d28eeb993802f674e13fa1af4d1fa6da811fd543b8", Hash(LatentArithmeticRecipes.Autoencoder(arithmetic), QuickData));
        Assert.Equal("ec208b63526d9cb4f2a0ef5231183b0d57f4e70ffc0d2246f30c171d2f994fd8", Hash(LatentArithmeticRecipes.Vae(arithmetic), QuickData));
        Assert.Equal("1f0d446266c187b5a6ee2eb97e1dc2ec16bc8318bb43113ba6864b1cc631f540", Hash(ConditionalVaeExperiment.Recipe(ConditionalVaeExperimentOptions.Default.WithBudget(StudyBudget.Quick)), QuickData));
    }
}
