using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using TorchSharp;
using LatentWorkbench.Experiments.Autoencoders;

namespace LatentWorkbench.Tests.Experiments.Autoencoders;

[Collection(MnistCollection.Name)]
public sealed class AutoencoderExperimentTests(MnistFixture mnist)
{
    // A few hundred real digits through a small MLP for one epoch: seconds, and every path of the recipe.
    private static readonly AutoencoderExperimentOptions Small = AutoencoderExperimentOptions.Default with
    {
        CodeSize = 3,
        HiddenSizes = [32],
        TrainCount = 300,
        TestCount = 100,
        Training = new TrainerOptions { Epochs = 1, BatchSize = 64 },
        Device = DeviceChoice.Cpu,
    };

    [Fact]
    public void The_Defaults_Are_The_Paper_Widths_With_A_30_Code_And_Quick_Shrinks_Only_Data_And_Epochs()
    {
        var defaults = AutoencoderExperimentOptions.Default;
        Assert.Equal(defaults, defaults with { CodeSize = 30 });
        var model = Assert.IsType<MlpAutoencoderConfig>(AutoencoderExperiment.ModelConfig(defaults));
        Assert.Equal([1000, 500, 250], model.ResolvedHiddenSizes);
        Assert.Equal(30, model.CodeSize);
        Assert.Equal("MLP AE-30", defaults.Label);

        var quick = defaults.WithBudget(StudyBudget.Quick);
        Assert.Equal(defaults with { TrainCount = 2_000, TestCount = 500, Training = defaults.Training with { Epochs = 2 } }, quick);
    }

    [Fact]
    public void The_Anomaly_Detector_Is_The_Mlp_At_K_10_Without_Its_Digit_On_Part_Of_The_Data_And_Quick_Keeps_Its_Smoke_Size()
    {
        var detector = AutoencoderExperimentOptions.AnomalyDetector(4);
        Assert.Equal(AutoencoderArchitecture.Mlp, detector.Architecture);
        Assert.Equal(10, detector.CodeSize);
        Assert.Equal(4, detector.ExcludedDigit);
        Assert.Equal(AutoencoderExperimentOptions.DetectorTrainCount, detector.TrainCount);
        Assert.True(detector.Training.Epochs <= AutoencoderExperimentOptions.Default.Training.Epochs);
        detector.Validate();
        Assert.Equal(2_000, detector.WithBudget(StudyBudget.Quick).TrainCount);
        Assert.Null(detector.WithBudget(StudyBudget.Long).TrainCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => AutoencoderExperimentOptions.AnomalyDetector(10).Validate());
    }

    [Fact]
    public void The_Denoising_Defaults_Differ_From_The_Mlp_Only_In_Architecture_And_Epochs()
    {
        var denoising = AutoencoderExperimentOptions.Defaults(AutoencoderArchitecture.Denoising);
        Assert.Equal(AutoencoderExperimentOptions.Default with { Architecture = AutoencoderArchitecture.Denoising, Training = denoising.Training }, denoising);
        Assert.True(denoising.Training.Epochs <= AutoencoderExperimentOptions.Default.Training.Epochs);
    }

    [Theory]
    [InlineData(AutoencoderArchitecture.Mlp, typeof(MlpAutoencoder))]
    [InlineData(AutoencoderArchitecture.Linear, typeof(LinearAutoencoder))]
    [InlineData(AutoencoderArchitecture.Conv, typeof(ConvAutoencoder))]
    [InlineData(AutoencoderArchitecture.Denoising, typeof(DenoisingAutoencoder))]
    public void Each_Architecture_Builds_Its_Model_With_The_Code_Size_Under_Its_Own_Name(AutoencoderArchitecture architecture, Type expected)
    {
        var recipe = AutoencoderExperiment.Recipe(Small with { Architecture = architecture, CodeSize = 5 });
        var model = recipe.Build();
        Assert.IsType(expected, model);
        Assert.Equal(5, model.CodeSize);
        Assert.Equal("autoencoder-" + architecture.ToString().ToLowerInvariant(), recipe.ModelName);
    }

    [Fact]
    public void The_Denoising_Noise_Is_Part_Of_The_Cache_Key()
    {
        var options = Small with { Architecture = AutoencoderArchitecture.Denoising };
        var key = RunKey.For("x", AutoencoderExperiment.Recipe(options).CacheKey("d"));
        var other = RunKey.For("x", AutoencoderExperiment.Recipe(options with { Noise = new DenoisingOptions(NoiseKind.Gaussian, 0.3) }).CacheKey("d"));
        Assert.NotEqual(key.ConfigHash, other.ConfigHash);
        Assert.Contains("gaussian", other.ConfigJson, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_Run_Reports_The_Test_Squared_Error_Per_Image_And_Encodes_To_Its_Code_Space()
    {
        var result = AutoencoderExperiment.Run(Small, mnist.Data);

        using var test = mnist.Data.Test.To(torch.CPU);
        using var first = test.Images.narrow(0, 0, 100);
        Assert.Equal(AutoencoderLoss.SquaredErrorPerImage(result.Model, first), result.TestSquaredError, 6);
        Assert.Equal(ReconstructionErrors.Mean(result.Reconstruct, first), result.TestSquaredError, 4);
        Assert.InRange(result.TestSquaredError, 1, 784);
        Assert.Single(result.Epochs);
        Assert.False(result.FromCache);

        using var codes = result.Encode(first);
        Assert.Equal([100L, 3L], codes.shape);
        using var fromSplit = result.Encode(mnist.Data.Test.Take(100));
        Assert.Equal([100L, 3L], fromSplit.shape);
        Assert.Equal(DeviceType.CPU, fromSplit.device_type);
        Assert.Equal(codes[7, 2].item<float>(), fromSplit[7, 2].item<float>(), 5);
    }

    [Fact]
    public void A_Second_Run_Comes_From_The_Store_And_Leaving_A_Digit_Out_Is_Another_Run()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var first = AutoencoderExperiment.Run(Small, mnist.Data, store: store);
        var again = AutoencoderExperiment.Run(Small, mnist.Data, store: store);
        var withoutThrees = AutoencoderExperiment.Run(Small with { ExcludedDigit = 3 }, mnist.Data, store: store);

        Assert.False(first.FromCache);
        Assert.True(again.FromCache);
        Assert.True(AutoencoderExperiment.IsStored(Small, mnist.Data, store));
        Assert.True(AutoencoderExperiment.IsStored(Small with { ExcludedDigit = 3 }, mnist.Data, store));
        Assert.False(AutoencoderExperiment.IsStored(Small with { ExcludedDigit = 5 }, mnist.Data, store));
        Assert.True(AutoencoderExperiment.RunWithProgress(Small, mnist.Data, store).FromCache);
        Assert.Equal(first.RunId, again.RunId);
        Assert.Equal(first.TestSquaredError, again.TestSquaredError, 5);
        Assert.False(withoutThrees.FromCache);
        Assert.Contains("without-3", store.Get(withoutThrees.RunId!.Value)!.ConfigJson, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Linear_Recipe_Finds_The_Pca_Subspace_Of_Its_Training_Digits()
    {
        // The default optimiser and schedule on 2,000 digits; 150 epochs is about the default's 4,700 steps on all 60,000.
        var defaults = AutoencoderExperimentOptions.Defaults(AutoencoderArchitecture.Linear);
        var options = defaults with
        {
            CodeSize = 3, TrainCount = 2_000, TestCount = 100, Device = DeviceChoice.Cpu,
            Training = defaults.Training with { Epochs = 150 },
        };
        var linear = AutoencoderExperiment.Run(options, mnist.Data);
        var digits = mnist.Data.Train.Take(2_000);
        var pca = new PcaReducer(new PcaOptions()).Fit(new Matrix(digits.Pixels.ToArray(), digits.Count, MnistSplit.PixelsPerImage));

        var angles = linear.PrincipalAnglesInDegrees(pca);

        Assert.Equal(3, angles.Count);
        Assert.True(angles.Max() < 3, $"largest principal angle {angles.Max():F2}°; expected under 3°");
        Assert.Throws<InvalidOperationException>(() => AutoencoderExperiment.Run(Small, mnist.Data).PrincipalAnglesInDegrees(pca));
    }

    [Fact]
    public void Centering_Is_Part_Of_The_Linear_Cache_Key_And_Label()
    {
        var centered = AutoencoderExperimentOptions.Defaults(AutoencoderArchitecture.Linear);
        var raw = centered with { CenterInput = false };
        Assert.NotEqual(RunKey.For("x", AutoencoderExperiment.Recipe(centered).CacheKey("d")).ConfigHash, RunKey.For("x", AutoencoderExperiment.Recipe(raw).CacheKey("d")).ConfigHash);
        Assert.Equal("linear AE-30", centered.Label);
        Assert.Equal("linear AE-30, not centered", raw.Label);
    }

    [Theory]
    [InlineData("CodeSize")]
    [InlineData("ExcludedDigit")]
    [InlineData("TrainCount")]
    public void Bad_Options_Name_The_Field(string field)
    {
        var bad = field switch
        {
            "CodeSize" => Small with { CodeSize = 0 },
            "ExcludedDigit" => Small with { ExcludedDigit = 10 },
            _ => Small with { TrainCount = -1 },
        };
        Assert.Equal(field, Assert.ThrowsAny<ArgumentException>(bad.Validate).ParamName);
    }
}
