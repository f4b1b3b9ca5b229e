using LatentWorkbench.Models;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Vaes;

public sealed class KlRegularizedVaeTests : VariationalAutoencoderContract
{
    private static readonly VaeConfig Small = new(InputSize: 12, HiddenSize: 7, LatentSize: 3);

    protected override int InputSize => Small.InputSize;

    protected override IVariationalAutoencoder Create(long seed)
    {
        torch.manual_seed(seed);
        return new KlRegularizedVae(new Vae(Small), new KlRegularization(KlSchedule.Constant(0.5)));
    }

    protected override void AssertTermsMakeUpTheTotal(IReadOnlyDictionary<string, double> terms, double total)
    {
        Assert.Equal([VaeLoss.Reconstruction, VaeLoss.Kl, KlRegularizedVae.KlWeight], terms.Keys);
        Assert.Equal(0.5 * Batch, terms[KlRegularizedVae.KlWeight], 4);
        Assert.Equal(terms[VaeLoss.Reconstruction] + (0.5 * terms[VaeLoss.Kl]), total, 2);
    }

    // A VAE whose encoder gives μ = 0 and log σ² = ln 4 for every x (zero weights), so each dimension's KL is ½(4 − 1 − ln 4) ≈ 0.807.
    private static Vae FixedPosterior()
    {
        var vae = new Vae(Small);
        using (torch.no_grad())
        {
            foreach (var (_, p) in vae.named_parameters())
            {
                p.zero_();
            }

            vae.get_parameter("fc22.bias")!.fill_(Math.Log(4));
        }

        return vae;
    }

    [Fact]
    public void Free_Bits_Charge_At_Least_Lambda_Per_Dimension_And_Nothing_Extra_Above_It()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.full([4, Small.InputSize], 0.5f);
        double perDimension = 0.5 * (4 - 1 - Math.Log(4));
        var plain = new KlRegularizedVae(FixedPosterior(), KlRegularization.None).Loss(x);
        var floored = new KlRegularizedVae(FixedPosterior(), new KlRegularization(FreeBits: 2.0)).Loss(x);
        var below = new KlRegularizedVae(FixedPosterior(), new KlRegularization(FreeBits: 0.1)).Loss(x);
        double reconstruction = plain.Terms[0].Value.item<float>();
        Assert.Equal(4 * 3 * perDimension, plain.Terms[1].Value.item<float>(), 3);
        Assert.Equal(reconstruction + (4 * 3 * 2.0), floored.Total.item<float>(), 2);      // 2 nats > 0.807: the floor binds
        Assert.Equal(plain.Total.item<float>(), below.Total.item<float>(), 2);             // 0.1 < 0.807: no effect
        Assert.Equal(plain.Terms[1].Value.item<float>(), floored.Terms[1].Value.item<float>(), 4);   // the reported KL stays unweighted
    }

    [Fact]
    public void Free_Bits_Leave_No_Gradient_Pressing_A_Dimension_Below_Lambda()
    {
        using var scope = torch.NewDisposeScope();
        var model = new KlRegularizedVae(FixedPosterior(), new KlRegularization(FreeBits: 2.0));
        var x = torch.full([4, Small.InputSize], 0.5f);
        model.Loss(x).Total.backward();
        // The log-variance head only feeds the KL; under the floor it gets no gradient at all.
        Assert.Equal(0, model.Module.get_parameter("fc22.bias")!.grad!.abs().sum().item<float>());
    }

    [Fact]
    public void The_Loss_At_A_Step_Weights_The_Kl_By_The_Schedule_At_That_Step()
    {
        using var scope = torch.NewDisposeScope();
        ITrainableModel model = new KlRegularizedVae(FixedPosterior(), new KlRegularization(KlSchedule.LinearWarmup(4)));
        var x = torch.full([4, Small.InputSize], 0.5f);
        double Weight(ModelLoss loss) => loss.Terms.Single(t => t.Key == KlRegularizedVae.KlWeight).Value.item<float>() / 4;

        Assert.Equal(0, Weight(model.Loss(x)));
        Assert.Equal(0.5, Weight(model.Loss(x, new TrainingTime(Step: 2, Epoch: 1))), 6);
        Assert.Equal(1, Weight(model.Loss(x, new TrainingTime(Step: 9, Epoch: 3))), 6);
    }

    [Fact]
    public void The_Weight_Follows_The_Step_The_Trainer_Passes_In()
    {
        torch.manual_seed(0);
        var model = new KlRegularizedVae(new Vae(Small), new KlRegularization(KlSchedule.LinearWarmup(4)));
        using var data = torch.rand([8, Small.InputSize]);
        using var optimizer = torch.optim.Adam(model.Module.parameters());
        // No callback: the trainer alone tells the loss where training stands.
        var epochs = new Trainer(new TrainerOptions { Epochs = 3, BatchSize = 4, Shuffle = false }).Fit(model, optimizer, data);
        // Steps 0–1 see β = 0, ¼; 2–3 see ½, ¾; 4–5 see 1: the epoch means of the reported weight.
        Assert.Equal([0.125, 0.625, 1.0], epochs.Select(e => Math.Round(e.Terms[KlRegularizedVae.KlWeight], 4)));
    }
}
