using LatentWorkbench.Compute;
using LatentWorkbench.Models;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Tests.Training;

// Trains twice with one seed and compares weights exactly: torch's global generator must be ours alone.
[Collection(LatentWorkbench.Tests.Models.GlobalTorchGeneratorCollection.Name)]
public sealed class ModelTrainingTests
{
    private static readonly VaeConfig Small = new(InputSize: 16, HiddenSize: 8, LatentSize: 2);

    public ModelTrainingTests() => TorchRuntime.EnsureInitialized();

    private static ModelRecipe<Vae, VaeConfig> VaeRecipe(int epochs = 2) => new()
    {
        ModelName = "vae-test",
        Config = Small,
        Build = () => new Vae(Small),
        Training = new TrainerOptions { Epochs = epochs, BatchSize = 32 },
        Optimizer = new OptimizerOptions { LearningRate = 1e-2 },
        Seed = 5,
        Device = DeviceChoice.Cpu,
    };

    private static TrainingData Pixels(string key = "blobs:200")
    {
        using var generator = new torch.Generator(3);
        return new TrainingData(torch.rand([200, Small.InputSize], generator: generator), null, key);
    }

    /// <summary>Two well-separated Gaussian blobs in 4-D, labelled 0 and 1.</summary>
    private static TrainingData Labelled()
    {
        using var generator = new torch.Generator(8);
        var labels = torch.randint(0, 2, [256], generator: generator, dtype: torch.int64);
        var centres = torch.tensor(new float[] { -2, -2, -2, -2, 2, 2, 2, 2 }, [2, 4]);
        var inputs = centres.index_select(0, labels) + torch.randn([256, 4], generator: generator) * 0.5;
        return new TrainingData(inputs, labels, "two-blobs:256");
    }

    private static float[] Weights(torch.nn.Module module) => [.. module.parameters().SelectMany(p => p.detach().flatten().data<float>().ToArray())];

    [Fact]
    public void Without_A_Store_It_Trains_Every_Epoch_And_Returns_The_Model_In_Eval_Mode()
    {
        var trained = ModelTraining.Train(VaeRecipe(epochs: 3), Pixels());

        Assert.Equal([1, 2, 3], trained.Epochs.Select(e => e.Epoch));
        Assert.False(trained.FromCache);
        Assert.Null(trained.RunId);
        Assert.Equal("cpu", trained.Device);
        Assert.False(trained.Model.training);
        Assert.Equal(trained.Epochs.Sum(e => e.Seconds), trained.TrainingSeconds);
    }

    [Fact]
    public void A_Second_Call_With_The_Same_Recipe_And_Data_Loads_The_Stored_Weights_Without_Training()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var first = ModelTraining.Train(VaeRecipe(), Pixels(), store);
        int steps = 0;
        var second = ModelTraining.Train(VaeRecipe(), Pixels(), store, [new CountSteps(() => steps++)]);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.RunId, second.RunId);
        Assert.Equal(0, steps);
        Assert.Equal(Weights(first.Model), Weights(second.Model));
        Assert.Equal(first.Epochs.Select(e => e.TrainLoss), second.Epochs.Select(e => e.TrainLoss), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(first.Epochs[0].Terms.Keys.Order(), second.Epochs[0].Terms.Keys.Order());
    }

    [Fact]
    public void A_Data_Initialized_Model_Gets_Its_Statistics_Before_Training_And_Back_From_The_Store()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var config = new LinearAutoencoderConfig(InputSize: Small.InputSize, CodeSize: 2);
        var recipe = new ModelRecipe<LinearAutoencoder, LinearAutoencoderConfig>
        {
            ModelName = "linear-test",
            Config = config,
            Build = () => new LinearAutoencoder(config),
            Training = new TrainerOptions { Epochs = 1, BatchSize = 32 },
            Seed = 5,
            Device = DeviceChoice.Cpu,
        };
        var data = Pixels();
        using var mean = data.Inputs.mean([0]);

        var trained = ModelTraining.Train(recipe, data, store);
        var loaded = ModelTraining.Train(recipe, data, store);

        Assert.True(trained.Model.InputMean.allclose(mean), "the model was not centred on its training data");
        Assert.True(loaded.FromCache);
        Assert.True(loaded.Model.InputMean.allclose(mean), "the stored input mean did not come back with the checkpoint");
    }

    [Fact]
    public void A_Gan_Trains_With_Its_Own_Two_Optimisers_And_Is_Cached_Like_Any_Model()
    {
        var config = new LatentWorkbench.Models.Gans.GanConfig(InputSize: Small.InputSize, NoiseSize: 2, HiddenSize: 4);
        var recipe = new ModelRecipe<LatentWorkbench.Models.Gans.Gan, LatentWorkbench.Models.Gans.GanConfig>
        {
            ModelName = "gan-test",
            Config = config,
            Build = () => new LatentWorkbench.Models.Gans.Gan(config),
            Training = new TrainerOptions { Epochs = 2, BatchSize = 50 },
            Seed = 4,
            Device = DeviceChoice.Cpu,
        };
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var first = ModelTraining.Train(recipe, Pixels(), store);
        var second = ModelTraining.Train(recipe, Pixels(), store);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(Weights(first.Model), Weights(second.Model));
        Assert.Contains(LatentWorkbench.Models.Gans.Gan.GeneratorTerm, second.Epochs[1].Terms.Keys);
    }

    [Fact]
    public void A_Step_Dependent_Loss_Is_Told_The_Step_Without_Being_A_Callback()
    {
        var warmup = new KlRegularization(KlSchedule.LinearWarmup(4));
        var recipe = new ModelRecipe<KlRegularizedVae, KlRegularization>
        {
            ModelName = "annealed-vae-test",
            Config = warmup,
            Build = () => new KlRegularizedVae(new Vae(Small), warmup),
            Training = new TrainerOptions { Epochs = 1, BatchSize = 50 },
            Device = DeviceChoice.Cpu,
        };
        var trained = ModelTraining.Train(recipe, Pixels());

        // Four steps of 50 at β(t) = t/4 for t = 0…3: the epoch mean of the reported weight is (0 + ¼ + ½ + ¾) / 4.
        Assert.Equal(0.375, trained.Epochs[0].Terms[KlRegularizedVae.KlWeight], 4);
    }

    [Fact]
    public void Other_Data_Another_Seed_Or_Force_Trains_Again()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var first = ModelTraining.Train(VaeRecipe(), Pixels(), store);

        Assert.False(ModelTraining.Train(VaeRecipe(), Pixels("blobs:other"), store).FromCache);
        Assert.False(ModelTraining.Train(VaeRecipe() with { Seed = 6 }, Pixels(), store).FromCache);
        var forced = ModelTraining.Train(VaeRecipe(), Pixels(), store, force: true);
        Assert.False(forced.FromCache);
        Assert.NotEqual(first.RunId, forced.RunId);
    }

    [Fact]
    public void A_Labelled_Model_Trains_On_Its_Labels()
    {
        var recipe = new ModelRecipe<TinyClassifier, TinyClassifierConfig>
        {
            ModelName = "tiny-classifier",
            Config = new TinyClassifierConfig(Inputs: 4, Classes: 2),
            Build = () => new TinyClassifier(),
            Training = new TrainerOptions { Epochs = 5, BatchSize = 32 },
            Optimizer = new OptimizerOptions { LearningRate = 5e-2 },
            Device = DeviceChoice.Cpu,
        };
        var data = Labelled();

        var trained = ModelTraining.Train(recipe, data);

        using var predicted = trained.Model.Logits(data.Inputs).argmax(1);
        double accuracy = predicted.eq(data.Labels!).to(torch.float32).mean().item<float>();
        Assert.True(accuracy > 0.95, $"accuracy {accuracy} on two separated blobs");
        Assert.True(trained.Epochs[^1].TrainLoss < trained.Epochs[0].TrainLoss);
    }

    [Fact]
    public void A_Labelled_Model_Without_Labels_Is_Refused_Naming_The_Data()
    {
        var recipe = new ModelRecipe<TinyClassifier, TinyClassifierConfig>
        {
            ModelName = "tiny-classifier",
            Config = new TinyClassifierConfig(Inputs: 4, Classes: 2),
            Build = () => new TinyClassifier(),
            Device = DeviceChoice.Cpu,
        };

        var e = Assert.Throws<ArgumentException>(() => ModelTraining.Train(recipe, Labelled().WithoutLabels()));

        Assert.Contains("two-blobs:256", e.Message, StringComparison.Ordinal);
        Assert.Contains("labels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Trainer_Refuses_Labels_That_Do_Not_Match_The_Inputs()
    {
        var model = new TinyClassifier();
        using var optimizer = new OptimizerOptions().Create(model.Module.parameters());
        using var inputs = torch.zeros([10, 4]);
        using var labels = torch.zeros([9], dtype: torch.int64);

        var e = Assert.Throws<ArgumentException>(() => new Trainer(new TrainerOptions()).Fit(model, optimizer, inputs, labels));

        Assert.Equal("labels", e.ParamName);
        Assert.Contains("(10)", e.Message, StringComparison.Ordinal);
    }

    private sealed class CountSteps(Action onStep) : ITrainingCallback
    {
        public void OnStepEnd(in StepReport report) => onStep();
    }

    private sealed record TinyClassifierConfig(int Inputs, int Classes);

    private sealed class TinyClassifier : ILabelledTrainableModel
    {
        private readonly TorchSharp.Modules.Linear _linear = torch.nn.Linear(4, 2);

        public torch.nn.Module Module => _linear;

        public torch.Tensor Logits(torch.Tensor inputs) => _linear.call(inputs);

        public ModelLoss Loss(torch.Tensor inputs, torch.Tensor labels)
        {
            var loss = torch.nn.functional.cross_entropy(_linear.call(inputs), labels, reduction: torch.nn.Reduction.Sum);
            return new ModelLoss(loss, [new("cross_entropy", loss)]);
        }
    }
}
