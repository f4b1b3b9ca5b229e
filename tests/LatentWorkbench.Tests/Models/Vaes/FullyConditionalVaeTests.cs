using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Vaes;

public sealed class FullyConditionalVaeTests : LabelledTrainableModelContract<FullyConditionalVae>
{
    private static readonly ConditionalVaeConfig Small = new(InputSize: 16, Classes: 3, HiddenSize: 8, LatentSize: 2);

    private static readonly FullyConditionalVaeConfig SmallFull = new(Small, Beta: 3);

    protected override int InputSize => Small.InputSize;

    protected override int Classes => Small.Classes;

    protected override FullyConditionalVae Create(long seed)
    {
        torch.manual_seed(seed);
        return new FullyConditionalVae(SmallFull);
    }

    protected override torch.Tensor Output(FullyConditionalVae model, torch.Tensor x, torch.Tensor labels) =>
        model.Decode(model.Encode(x, labels).Mean, labels);

    private static FullyConditionalVae Zeroed(double beta = 3)
    {
        var model = new FullyConditionalVae(SmallFull with { Beta = beta });
        using (torch.no_grad())
        {
            foreach (var (_, p) in model.named_parameters())
            {
                p.zero_();
            }
        }

        return model;
    }

    [Fact]
    public void Names_Are_The_Plain_Models_And_The_Output_Layer_Also_Reads_The_Label()
    {
        var model = new FullyConditionalVae(SmallFull);
        Assert.Equal(new ConditionalVae(Small).state_dict().Keys, model.state_dict().Keys);
        Assert.Equal([Small.HiddenSize, Small.LatentSize + Small.Classes], model.get_parameter("fc3.weight")!.shape);
        Assert.Equal([Small.InputSize, Small.HiddenSize + Small.Classes], model.get_parameter("fc4.weight")!.shape);
        Assert.Equal([Small.HiddenSize, Small.InputSize + Small.Classes], model.get_parameter("fc1.weight")!.shape);
    }

    [Fact]
    public void Decode_Has_The_Documented_Shape_And_Range()
    {
        var model = Create(0);
        using var scope = torch.NewDisposeScope();
        var posterior = model.Encode(Inputs(1), Labels());
        Assert.Equal([Batch, Small.LatentSize], posterior.Mean.shape);
        var decoded = model.Decode(posterior.Mean, Labels());
        Assert.Equal([Batch, Small.InputSize], decoded.shape);
        Assert.True(decoded.min().item<float>() >= 0 && decoded.max().item<float>() <= 1);
    }

    [Fact]
    public void The_Label_Reaches_The_Output_Layer_Directly()
    {
        // Zero weights except fc4's column for label 2 (after the hidden units) into pixel 7: with fc3 silent, only
        // the label's own path to the output can lift that logit.
        var model = Zeroed();
        using (torch.no_grad())
        {
            model.get_parameter("fc4.weight")![7, Small.HiddenSize + 2] = 1.5f;
        }

        using var z = torch.zeros(3, Small.LatentSize);
        using var labels = torch.tensor(new long[] { 0, 1, 2 });
        var logits = model.DecodeLogits(z, labels);
        Assert.Equal(1.5f, logits[2, 7].item<float>());
        Assert.Equal(1.5f, logits.abs().sum().item<float>());
    }

    [Fact]
    public void The_Label_Also_Reaches_The_Hidden_Layer()
    {
        // As the plain model: fc3's column for label 1 drives hidden unit 0, which fc4 sends to pixel 5.
        var model = Zeroed();
        using (torch.no_grad())
        {
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
    public void Loss_Weighs_The_Kl_By_Beta_And_Reports_Both_Terms_Unweighted()
    {
        // As the plain model's hand-computed case: μ = 0, log σ² = ln 4, every logit 1; total = BCE + β·KL.
        var model = Zeroed(beta: 3);
        using (torch.no_grad())
        {
            model.get_parameter("fc22.bias")!.fill_(Math.Log(4));
            model.get_parameter("fc4.bias")!.fill_(1.0);
        }

        using var x = torch.full([3, Small.InputSize], 0.25f);
        using var labels = torch.tensor(new long[] { 0, 1, 2 });
        var loss = model.Loss(x, labels);
        double reconstruction = 3 * Small.InputSize * (Math.Log(1 + Math.E) - 0.25);
        double kl = 3 * Small.LatentSize * (3 - Math.Log(4)) / 2;
        Assert.Equal(reconstruction + (3 * kl), loss.Total.item<float>(), 3);
        var terms = loss.Terms.ToDictionary(t => t.Key, t => (double)t.Value.item<float>());
        Assert.Equal(kl, terms[VaeLoss.Kl], 3);
        Assert.Equal(reconstruction, terms[VaeLoss.Reconstruction], 3);
    }

    [Fact]
    public void An_Invalid_Beta_Or_Size_Is_Refused_Naming_It()
    {
        Assert.Equal("Beta", Assert.Throws<ArgumentOutOfRangeException>(() => new FullyConditionalVae(SmallFull with { Beta = -1 })).ParamName);
        Assert.Equal("Classes", Assert.Throws<ArgumentOutOfRangeException>(() => new FullyConditionalVae(new FullyConditionalVaeConfig(Small with { Classes = 1 }, 2))).ParamName);
    }
}
