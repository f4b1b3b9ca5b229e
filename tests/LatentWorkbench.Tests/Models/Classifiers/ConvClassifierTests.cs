using LatentWorkbench.Models.Classifiers;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Classifiers;

public sealed class ConvClassifierTests : LabelledTrainableModelContract<ConvClassifier>
{
    private static readonly ConvClassifierConfig Small = new(ImageSide: 8, Classes: 4, FirstChannels: 8, SecondChannels: 8, HiddenSize: 16, Dropout: 0.25);

    protected override int InputSize => Small.InputSize;

    protected override int Classes => Small.Classes;

    protected override ConvClassifier Create(long seed)
    {
        torch.manual_seed(seed);
        return new ConvClassifier(Small);
    }

    protected override torch.Tensor Output(ConvClassifier model, torch.Tensor x, torch.Tensor labels) => model.forward(x);

    [Fact]
    public void Parameter_Names_Are_PyTorchs()
    {
        Assert.Equal(
            ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"],
            new ConvClassifier(Small).state_dict().Keys);
    }

    [Fact]
    public void Logits_Features_And_Probabilities_Have_The_Documented_Shapes()
    {
        var model = Create(0);
        model.eval();
        using var scope = torch.NewDisposeScope();
        var x = Inputs(1);
        Assert.Equal([Batch, Small.Classes], model.forward(x).shape);
        Assert.Equal([Batch, Small.HiddenSize], model.Features(x).shape);
        var probabilities = ClassifierPredictions.Probabilities(model, x);
        Assert.Equal([Batch, Small.Classes], probabilities.shape);
        Assert.True(probabilities.sum(dim: 1).allclose(torch.ones(Batch), atol: 1e-6));
        Assert.Equal(probabilities.argmax(1).data<long>().ToArray(), ClassifierPredictions.Predict(model, x).data<long>().ToArray());
        Assert.Equal([Batch, Small.HiddenSize], ClassifierPredictions.Features(model, x).shape);
    }

    [Fact]
    public void Loss_Is_The_Summed_Cross_Entropy_Of_Hand_Set_Logits()
    {
        // Every weight zero: the logits are fc2's bias for every image, so each example's loss is logsumexp(b) − b_y.
        var model = new ConvClassifier(Small);
        double[] bias = [0.5, -1, 2, 0];
        using (torch.no_grad())
        {
            foreach (var (_, p) in model.named_parameters())
            {
                p.zero_();
            }

            model.get_parameter("fc2.bias")!.copy_(torch.tensor(bias.Select(b => (float)b).ToArray()));
        }

        model.eval();
        using var labels = torch.tensor(new long[] { 0, 2, 2, 3 });
        double logSumExp = Math.Log(bias.Sum(Math.Exp));
        double expected = labels.data<long>().ToArray().Sum(y => logSumExp - bias[y]);
        var loss = model.Loss(torch.rand(4, Small.InputSize), labels);
        Assert.Equal(expected, loss.Total.item<float>(), 4);
        Assert.Equal(ConvClassifier.CrossEntropy, Assert.Single(loss.Terms).Key);
        // Such a model always says class 2: the accuracy is the share of 2s among the labels.
        Assert.Equal(0.5, ClassifierPredictions.Accuracy(model, torch.rand(4, Small.InputSize), labels), 10);
    }

    [Fact]
    public void Dropout_Acts_Only_In_Training_Mode()
    {
        var model = Create(2);
        using var scope = torch.NewDisposeScope();
        var x = Inputs(5);
        model.train();
        Assert.False(model.forward(x).allclose(model.forward(x)));
        model.eval();
        Assert.True(model.forward(x).allclose(model.forward(x), rtol: 0, atol: 0));
    }

    [Fact]
    public void Predictions_Do_Not_Depend_On_The_Batch_Size()
    {
        var model = Create(3);
        using var scope = torch.NewDisposeScope();
        var x = Inputs(6);
        Assert.True(ClassifierPredictions.Probabilities(model, x, batchSize: 4).allclose(ClassifierPredictions.Probabilities(model, x), atol: 1e-6));
        Assert.True(ClassifierPredictions.Features(model, x, batchSize: 1).allclose(ClassifierPredictions.Features(model, x), atol: 1e-6));
    }

    [Fact]
    public void Bad_Sizes_And_Inputs_Are_Refused_Naming_Them()
    {
        Assert.Equal("ImageSide", Assert.Throws<ArgumentOutOfRangeException>(() => new ConvClassifier(Small with { ImageSide = 10 })).ParamName);
        Assert.Equal("Dropout", Assert.Throws<ArgumentOutOfRangeException>(() => new ConvClassifier(Small with { Dropout = 1 })).ParamName);
        var model = Create(0);
        using var wrongShape = torch.rand(3, Small.InputSize + 1);
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => ClassifierPredictions.Predict(model, wrongShape)).ParamName);
        using var x = torch.rand(3, Small.InputSize);
        using var tooFewLabels = torch.zeros(2, dtype: torch.int64);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => ClassifierPredictions.Accuracy(model, x, tooFewLabels)).ParamName);
    }
}
