using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;
using LatentWorkbench.Experiments.Classifiers;
using LatentWorkbench.Experiments.Collapse;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Tests.Experiments;

/// <summary>
/// The typed run-store keys hash exactly as the anonymous objects they replaced, so runs stored before keep being found.
/// Every hash below was read from a run store the quick runs of notebooks 03 and 06 filled before the change.
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
        var options = CollapseExperimentOptions.Quick;
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
        var classifier = ClassifierExperiment.Recipe(ClassifierExperimentOptions.Quick);
        Assert.Equal("285e34d95515f915da55ee9775e8fd09f407b2ff455363d79dc8959713f80de5", Hash(classifier, "mnist-train:first-5000"));
    }
}
