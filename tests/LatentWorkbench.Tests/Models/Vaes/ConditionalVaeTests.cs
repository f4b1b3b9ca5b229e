using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Vaes;

public sealed class ConditionalVaeTests : LabelledTrainableModelContract<ConditionalVae>
{
    private static readonly ConditionalVaeConfig Small = new(InputSize: 16, Classes: 3, HiddenSize: 8, LatentSize: 2);

    protected override int InputSize => Small.InputSize;

    protected override int Classes => Small.Classes;

    protected override ConditionalVae Create(long seed)
    {
        torch.manual_seed(seed);
        return new ConditionalVae(Small);
    }

    protected override torch.Tensor Output(ConditionalVae model, torch.Tensor x, torch.Tensor labels) =>
        model.Decode(model.Encode(x, labels).Mean, labels);

    [Fact]
    public void Parameter_Names_Are_PyTorchs_And_The_Label_Widens_Both_Inputs()
    {
        var model = new ConditionalVae(Small);
        Assert.Equal(["fc1.weight", "fc1.bias", "fc21.weight", "fc21.bias", "fc22.weight", "fc22.bias", "fc3.weight", "fc3.bias", "fc4.weight", "fc4.bias"], model.state_dict().Keys);
        Assert.Equal([Small.HiddenSize, Small.InputSize + Small.Classes], model.get_parameter("fc1.weight")!.shape);
        Assert.Equal([Small.HiddenSize, Small.LatentSize + Small.Classes], model.get_parameter("fc3.weight")!.shape);
    }

    [Fact]
    public void Encode_And_Decode_Have_The_Documented_Shapes_And_Loss_Terms()
    {
        var model = Create(0);
        using var scope = torch.NewDisposeScope();
        var posterior = model.Encode(Inputs(1), Labels());
        Assert.Equal([Batch, Small.LatentSize], posterior.Mean.shape);
        Assert.Equal([Batch, Small.LatentSize], posterior.LogVariance.shape);
        var decoded = model.Decode(posterior.Mean, Labels());
        Assert.Equal([Batch, Small.InputSize], decoded.shape);
        Assert.True(decoded.min().item<float>() >= 0 && decoded.max().item<float>() <= 1);
        var loss = model.Loss(Inputs(2), Labels());
        var terms = loss.Terms.ToDictionary(t => t.Key, t => (double)t.Value.item<float>());
        Assert.Equal([VaeLoss.Reconstruction, VaeLoss.Kl], terms.Keys);
        Assert.Equal(terms[VaeLoss.Reconstruction] + terms[VaeLoss.Kl], loss.Total.item<float>(), 2);
    }

    [Fact]
    public void Loss_Matches_A_Hand_Computed_Value()
    {
        // All weights zero: μ = 0, log σ² = fc22.bias = ln 4 whatever the label; every logit = fc4.bias = 1.
        var model = new ConditionalVae(Small);
        using (torch.no_grad())
        {
            foreach (var (_, p) in model.named_parameters())
            {
                p.zero_();
            }

            model.get_parameter("fc22.bias")!.fill_(Math.Log(4));
            model.get_parameter("fc4.bias")!.fill_(1.0);
        }

        using var x = torch.full([3, Small.InputSize], 0.25f);
        using var labels = torch.tensor(new long[] { 0, 1, 2 });
        var loss = model.Loss(x, labels);
        double reconstruction = 3 * Small.InputSize * (Math.Log(1 + Math.E) - 0.25);
        double kl = 3 * Small.LatentSize * (3 - Math.Log(4)) / 2;
        Assert.Equal(reconstruction + kl, loss.Total.item<float>(), 3);
    }

    [Fact]
    public void The_Label_Reaches_The_Decoder_Exactly_Through_Its_One_Hot_Column()
    {
        // Zero weights except fc3's column for label 1 (hidden unit 0) and fc4's weight from that unit to pixel 5:
        // label 1 lifts pixel 5's logit by 2 (ReLU(1)·2), any other label leaves every logit 0.
        var model = new ConditionalVae(Small);
        using (torch.no_grad())
        {
            foreach (var (_, p) in model.named_parameters())
            {
                p.zero_();
            }

            model.get_parameter("fc3.weight")![0, Small.LatentSize + 1] = 1;
            model.get_parameter("fc4.weight")![5, 0] = 2;
        }

        using var z = torch.zeros(3, Small.LatentSize);
        using var labels = torch.tensor(new long[] { 0, 1, 2 });
        var logits = model.DecodeLogits(z, labels);
        Assert.Equal(2f, logits[1, 5].item<float>());
        Assert.Equal(2f, logits.abs().sum().item<float>());
    }

    [Fact]
    public void Labels_Out_Of_Range_Or_Of_The_Wrong_Length_Are_Refused_Naming_Them()
    {
        var model = Create(0);
        using var x = Inputs(1);
        using var tooLarge = torch.full([Batch], Small.Classes, dtype: torch.int64);
        Assert.Equal("labels", Assert.Throws<ArgumentOutOfRangeException>(() => model.Encode(x, tooLarge)).ParamName);
        using var tooFew = torch.zeros(Batch - 1, dtype: torch.int64);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => model.Loss(x, tooFew)).ParamName);
        Assert.Equal("Classes", Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalVae(Small with { Classes = 1 })).ParamName);
    }
}
