using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Models.Vaes;

/// <summary>
/// A researcher's first act in a notebook, in the real C# kernel: declare a new VAE variant in a cell by overriding only
/// its loss, train it through the run store beside the library's variants, and compare them in one table. The cells are
/// the ones docs/vae-training.md shows.
/// </summary>
// A kernel swaps the process-wide Console writers while it runs: kernel tests run in one collection, one at a time.
[Collection(LatentWorkbench.Tests.Notebooks.NotebookRunsCollection.Name)]
public sealed class VaeVariantKernelTests
{
    // The variant: a config record and a class overriding only the loss (Burgess et al. 2018's capacity-annealed β-VAE).
    private const string DeclareVariant = """
        using LatentWorkbench.Models;
        using LatentWorkbench.Models.Vaes;

        // γ·|KL − C(t)|: the KL is held near a capacity C that grows to CMax nats over RampSteps steps.
        public sealed record CapacityVaeConfig(double Gamma = 100, double CMax = 25, long RampSteps = 1000) : VaeVariantConfig
        {
            public override IVariationalAutoencoder Build(IVariationalAutoencoder network) => new CapacityVae(network, this);
        }

        public sealed class CapacityVae(IVariationalAutoencoder network, CapacityVaeConfig config) : VaeVariant(network)
        {
            protected override ModelLoss Loss(VaeForward f, TrainingTime time)
            {
                var reconstruction = VaeLoss.ReconstructionSum(f.Logits, f.X);
                var kl = VaeLoss.KlSum(f.Posterior);
                double capacity = config.CMax * Math.Min(1.0, (double)time.Step / config.RampSteps) * f.X.shape[0];
                return new ModelLoss(reconstruction + config.Gamma * (kl - capacity).abs(), [new(VaeLoss.Reconstruction, reconstruction), new(VaeLoss.Kl, kl)]);
            }
        }
        """;

    [Fact]
    public async Task A_Variant_Declared_In_A_Cell_Trains_Through_The_Run_Store_And_Joins_The_Comparison_Table()
    {
        string mnist = new MnistFixture().Data is not null ? MnistFixture.Directory : throw new InvalidOperationException("No MNIST.");
        using var temp = new TempDirectory();
        string store = temp.File("runs.db");

        var displays = await RealCSharpKernel.DisplaysAsync(
            DeclareVariant,
            $$"""
            using LatentWorkbench.Compute;
            using LatentWorkbench.Data;
            using LatentWorkbench.Experiments.Vaes;
            using LatentWorkbench.Runs;

            var mnist = Mnist.Load(@"{{mnist}}");
            var store = RunStore.Open(@"{{store}}");
            var small = VaeExperimentOptions.Default with
            {
                TrainCount = 512, TestCount = 256, Device = DeviceChoice.Cpu,
                Training = VaeExperimentOptions.Default.Training with { Epochs = 1 },
            };
            var capacity = VaeExperiment.Run(small with { Variant = new CapacityVaeConfig(Gamma: 10, RampSteps: 4) }, mnist, store: store);
            """,
            """
            var elbo = VaeExperiment.Run(small, mnist, store: store);
            var beta = VaeExperiment.Run(small with { Variant = new BetaVaeConfig(4) }, mnist, store: store);
            VaeTables.Comparison([elbo, beta, capacity])
            """,
            """
            var again = VaeExperiment.Run(small with { Variant = new CapacityVaeConfig(Gamma: 10, RampSteps: 4) }, mnist, store: store);
            VaeTables.Comparison([again], title: "The same variant, asked for again")
            """);

        Assert.Equal(2, displays.Count);
        string table = System.Net.WebUtility.HtmlDecode(displays[0]["text/html"]);
        Assert.Contains("VAE 784-400-20 · ELBO", table, StringComparison.Ordinal);
        Assert.Contains("VAE 784-400-20 · β-VAE β=4", table, StringComparison.Ordinal);
        Assert.Contains("VAE 784-400-20 · CapacityVae", table, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>true</td>", table, StringComparison.Ordinal);
        // Asked for again, the variant's run comes back from the store: its config record is the run's key.
        Assert.Contains("<td>true</td>", displays[1]["text/html"], StringComparison.Ordinal);
        var runs = LatentWorkbench.Runs.RunStore.Open(store).List();
        Assert.Single(runs, r => r.Model == "capacityvae");
        Assert.Equal(3, runs.Count);
    }
}
