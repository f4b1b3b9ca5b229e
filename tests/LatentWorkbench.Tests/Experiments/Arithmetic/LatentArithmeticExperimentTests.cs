using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Latent;
using LatentWorkbench.Metrics;
using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Models.Vaes;
using TorchSharp;
using LatentWorkbench.Experiments.Arithmetic;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Tests.Experiments.Arithmetic;

public sealed class LatentArithmeticExperimentTests
{
    private const int Side = 8;
    private static readonly VaeConfig SmallVae = new(InputSize: Side * Side, HiddenSize: 16, LatentSize: 3);
    private static readonly ConvClassifierConfig SmallClassifier = new(ImageSide: Side, Classes: 10, FirstChannels: 8, SecondChannels: 8, HiddenSize: 16);

    public LatentArithmeticExperimentTests() => TorchRuntime.EnsureInitialized();

    private static torch.Tensor Images(long rows, ulong seed)
    {
        using var generator = new torch.Generator(seed);
        return torch.rand([rows, Side * Side], generator: generator);
    }

    [Fact]
    public void A_Decoded_Path_Is_Judged_Image_By_Image()
    {
        var codec = LatentCodec.Of(new Vae(SmallVae));
        var classifier = new ConvClassifier(SmallClassifier);
        using var ends = Images(2, 1);
        using var training = Images(40, 2);

        var path = LatentArithmeticExperiment.Interpolate(codec, ends[0], ends[1], InterpolationMethod.Slerp, 5, classifier, training);

        Assert.Equal("VAE slerp", path.Label);
        Assert.Equal([5L, Side * Side], path.Images.shape);
        using var start = codec.Decode(codec.Encode(ends.narrow(0, 0, 1)));
        Assert.True(path.Images[0].allclose(start[0], atol: 1e-5), "the path starts at the first image's decoding");
        Assert.Equal([5L, 10L], path.Probabilities.shape);
        Assert.Equal(torch.float64, path.Probabilities.dtype);
        Assert.True(path.Probabilities.sum(1).allclose(torch.ones(5, dtype: torch.float64), atol: 1e-5), "each image's probabilities sum to 1");
        Assert.Equal(PathSmoothness.StepDistances(path.Images).data<double>().ToArray(), path.StepDistances.data<double>().ToArray());
        var (indices, distances) = NearestNeighbours.Find(path.Images, training);
        Assert.Equal(indices.select(1, 0).data<long>().ToArray(), path.NearestTrainingIndices.data<long>().ToArray());
        Assert.Equal(distances[4, 0].item<float>(), path.NearestTrainingDistances[4].item<double>(), 5);
        double[][] rows = [.. path.Probabilities.data<double>().ToArray().Chunk(10)];
        Assert.Equal(rows.Min(p => p.Max()), path.MinConfidence);
        Assert.Equal(rows.Select(p => p[3]), path.ProbabilityOf(3));
        Assert.Equal(rows.Select(p => p.Where((_, c) => c != 3 && c != 7).Max()), path.ProbabilityOfBestOther(3, 7));
        Assert.Throws<ArgumentOutOfRangeException>("label", () => path.ProbabilityOf(10));
        Assert.Throws<ArgumentOutOfRangeException>("second", () => path.ProbabilityOfBestOther(3, -1));
    }

    [Fact]
    public void Many_Paths_In_One_Batch_Match_The_Same_Paths_One_By_One()
    {
        var codec = LatentCodec.Of(new Vae(SmallVae));
        var classifier = new ConvClassifier(SmallClassifier);
        using var ends = Images(6, 3);
        using var training = Images(50, 4);
        (torch.Tensor, torch.Tensor)[] pairs = [(ends[0], ends[1]), (ends[2], ends[3]), (ends[4], ends[5])];

        var batched = LatentArithmeticExperiment.Interpolate(codec, pairs, InterpolationMethod.Lerp, 4, classifier, training);

        Assert.Equal(3, batched.Count);
        for (int i = 0; i < pairs.Length; i++)
        {
            var single = LatentArithmeticExperiment.Interpolate(codec, pairs[i].Item1, pairs[i].Item2, InterpolationMethod.Lerp, 4, classifier, training);
            Assert.Equal(single.Label, batched[i].Label);
            Assert.True(single.Images.allclose(batched[i].Images, atol: 1e-5), $"path {i}: the same decoded images");
            Assert.True(single.Probabilities.allclose(batched[i].Probabilities, atol: 1e-5), $"path {i}: the same judgements");
            Assert.True(single.StepDistances.allclose(batched[i].StepDistances, atol: 1e-4), $"path {i}: the same steps");
            Assert.True(single.NearestTrainingDistances.allclose(batched[i].NearestTrainingDistances, atol: 1e-4), $"path {i}: the same nearest distances");
            Assert.Equal(single.NearestTrainingIndices.data<long>().ToArray(), batched[i].NearestTrainingIndices.data<long>().ToArray());
        }

        Assert.Empty(LatentArithmeticExperiment.Interpolate(codec, [], InterpolationMethod.Lerp, 4, classifier, training));
    }

    [Fact]
    public void An_Attribute_Traversal_Measures_The_Decoded_Images_And_Scores_Each_Walk()
    {
        var codec = LatentCodec.Of(new Vae(SmallVae));
        using var codes = torch.randn(30, 3);
        using var values = codes.select(1, 0) * 2 + 1;
        var vector = AttributeVector.Fit("ink", codes, values);
        double[] steps = [-1, 0, 1, 2];

        var walk = LatentArithmeticExperiment.TraverseAttribute(codec, vector, codes.narrow(0, 0, 3), steps, x => ImageAttributes.InkMass(x, Side));

        Assert.Equal([12L, Side * Side], walk.Images.shape);
        using var ink = ImageAttributes.InkMass(walk.Images, Side);
        Assert.Equal([3L, 4L], walk.Measured.shape);
        double[][] measured = [.. walk.Measured.data<double>().ToArray().Chunk(4)];
        Assert.Equal(ink.data<double>().ToArray().Skip(4).Take(4), measured[1]);
        Assert.Equal(measured.Select(m => Monotonicity.SpearmanAlongPath(m)), walk.Spearman.data<double>().ToArray());
        Assert.Equal(measured.Select(m => Monotonicity.FractionRisingSteps(m)), walk.FractionRising.data<double>().ToArray());
        Assert.Equal(measured.Average(m => m[2]), walk.MeanMeasured[2], 10);
        Assert.Equal(measured.Select(m => Monotonicity.FractionRisingSteps(m)).Average(), walk.MeanFractionRising);
    }

    [Fact]
    public void Analogies_Decode_Four_Images_Per_Pair_And_Measure_The_Ink_Gain()
    {
        var codec = LatentCodec.Of(new Vae(SmallVae));
        var classifier = new ConvClassifier(SmallClassifier);
        using var images = Images(20, 3);
        using var labels = torch.arange(20, dtype: torch.int64) % 4;

        var result = LatentArithmeticExperiment.Analogies(codec, classifier, images, labels, [(0, 1), (2, 3)], Side);

        Assert.Equal([8L, Side * Side], result.Images.shape);
        Assert.Equal([2L], result.Predicted.shape);
        Assert.Equal(torch.int64, result.Predicted.dtype);
        using var ink = ImageAttributes.InkMass(result.Images, Side);
        Assert.Equal(ink[7].item<double>() - ink[6].item<double>(), result.InkGain[1].item<double>(), 6);
        long[] predicted = result.Predicted.data<long>().ToArray();
        Assert.Equal(((predicted[0] == 1 ? 1.0 : 0) + (predicted[1] == 3 ? 1.0 : 0)) / 2, result.FractionReadAsTarget);
        Assert.Contains("digit 5", Assert.Throws<ArgumentException>(() => LatentArithmeticExperiment.Analogies(codec, classifier, images, labels, [(5, 1)], Side)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pairs_Hold_Different_Digits_And_Follow_The_Seed()
    {
        using var labels = torch.tensor(new long[] { 0, 0, 1, 2, 2, 2 });
        var pairs = LatentArithmeticExperiment.PairsOfDifferentDigits(labels, 20, seed: 3);
        long[] y = labels.data<long>().ToArray();
        Assert.Equal(20, pairs.Count);
        Assert.All(pairs, p => Assert.NotEqual(y[p.A], y[p.B]));
        Assert.Equal(pairs, LatentArithmeticExperiment.PairsOfDifferentDigits(labels, 20, seed: 3));
        using var single = torch.zeros(4, dtype: torch.int64);
        Assert.Throws<ArgumentException>(() => LatentArithmeticExperiment.PairsOfDifferentDigits(single, 1, 0));
    }

    [Fact]
    public void The_Notebooks_Vae_Is_The_Seed_Recipe_And_Quick_Runs_Train_Less()
    {
        var quick = LatentArithmeticOptions.Default.WithBudget(StudyBudget.Quick);
        var full = LatentArithmeticRecipes.Vae(LatentArithmeticOptions.Default);
        Assert.Equal(VaeExperiment.Recipe(VaeExperimentOptions.Default).CacheKey("d").ToString(), full.CacheKey("d").ToString());
        Assert.True(LatentArithmeticRecipes.Vae(quick).Training.Epochs < full.Training.Epochs);
        Assert.True(LatentArithmeticRecipes.Autoencoder(quick).Training.Epochs < LatentArithmeticRecipes.Autoencoder(LatentArithmeticOptions.Default).Training.Epochs);
        Assert.True(quick.TrainCount < MnistSplit.PublishedTrainCount);
        Assert.Equal(new VaeConfig().LatentSize, LatentArithmeticRecipes.AutoencoderConfig.CodeSize);
    }
}
