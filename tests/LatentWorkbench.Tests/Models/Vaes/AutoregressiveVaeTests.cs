using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Vaes;

public sealed class AutoregressiveVaeTests : VariationalAutoencoderContract
{
    private static readonly AutoregressiveVaeConfig Small = new(ImageSide: 4, EncoderHiddenSize: 6, LatentSize: 3, DecoderHiddenSize: 5);

    protected override int InputSize => Small.InputSize;

    protected override IVariationalAutoencoder Create(long seed)
    {
        torch.manual_seed(seed);
        return new AutoregressiveVae(Small);
    }

    [Fact]
    public void A_Rows_Logits_Depend_Only_On_The_Rows_Above_It()
    {
        var model = (AutoregressiveVae)Create(1);
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(2);
        var x = torch.rand([2, Small.InputSize], generator: generator);
        var z = torch.randn([2, Small.LatentSize], generator: generator);
        var changed = x.clone();
        changed.narrow(1, 2 * Small.ImageSide, Small.ImageSide).fill_(1.0f);   // row 2 only
        var before = model.ReconstructionLogits(z, x).reshape(2, Small.ImageSide, Small.ImageSide);
        var after = model.ReconstructionLogits(z, changed).reshape(2, Small.ImageSide, Small.ImageSide);
        // Rows 0–2 see rows above them only, so they cannot change; row 3 sees row 2 and does.
        Assert.Equal(0, (before.narrow(1, 0, 3) - after.narrow(1, 0, 3)).abs().max().item<float>());
        Assert.True((before.narrow(1, 3, 1) - after.narrow(1, 3, 1)).abs().max().item<float>() > 0);
    }

    [Fact]
    public void The_Logits_Depend_On_Z()
    {
        var model = (AutoregressiveVae)Create(3);
        using var scope = torch.NewDisposeScope();
        var x = torch.full([1, Small.InputSize], 0.5f);
        var difference = model.ReconstructionLogits(torch.zeros([1, 3]), x) - model.ReconstructionLogits(torch.ones([1, 3]), x);
        Assert.True(difference.abs().max().item<float>() > 0);
    }

    [Fact]
    public void The_Rollout_Fed_The_Teacher_Forced_Means_Agrees_On_The_First_Row()
    {
        // With nothing above it, row 0 is the same whether decoded from z alone or scored against any x.
        var model = (AutoregressiveVae)Create(4);
        using var scope = torch.NewDisposeScope();
        var z = torch.randn([3, Small.LatentSize]);
        var rollout = model.DecodeLogits(z).narrow(1, 0, Small.ImageSide);
        var forced = model.ReconstructionLogits(z, torch.rand([3, Small.InputSize])).narrow(1, 0, Small.ImageSide);
        Assert.Equal(0, (rollout - forced).abs().max().item<float>(), 5);
    }
}
