using LatentWorkbench.Models;
using LatentWorkbench.Nn;
using LatentWorkbench.Ops;
using LatentWorkbench.Optim;
using LatentWorkbench.Tensors;
using LatentWorkbench.Training;

namespace LatentWorkbench.Tests.Training;

public sealed class TrainerOptionsTests
{
    [Fact]
    public void Clipping_Bounds_Each_Update_And_The_Schedule_Sets_The_Learning_Rate()
    {
        var model = new SquaredDistance();
        var sgd = new Sgd(model.Parameters(), 1f);
        var data = Tensor.Full(100f, 8, 3); // far from the start: raw gradients are in the hundreds
        var schedule = new StepSchedule(1f, stepSize: 2, gamma: 0.5f);
        var steps = new List<float[]>();
        var recorder = new Recorder(() => steps.Add(model.Center.ToArray()));
        new Trainer(new TrainerOptions { Epochs = 2, BatchSize = 4, MaxGradNorm = 0.01, Schedule = schedule }, recorder).Fit(model, sgd, data);

        Assert.Equal(4, steps.Count);
        float[] previous = [0f, 0f, 0f];
        for (int i = 0; i < steps.Count; i++)
        {
            double moved = Math.Sqrt(steps[i].Zip(previous, (a, b) => (double)(a - b) * (a - b)).Sum());
            Assert.Equal(0.01 * schedule.At(i), moved, 4); // lr(step) · clipped norm
            previous = steps[i];
        }

        Assert.Equal(schedule.At(3), sgd.LearningRate);
    }

    /// <summary>Loss Σ‖x − c‖² with one trainable center c.</summary>
    private sealed class SquaredDistance : Module, ILossModel
    {
        public SquaredDistance() => Center = RegisterParameter("center", Tensor.Zeros(3));

        public Tensor Center { get; }

        public override Tensor Forward(Tensor input) => Functional.Sub(input, Center);

        public ModelLoss Loss(Tensor batch, TensorRandom? random)
        {
            var d = Forward(batch);
            var total = Functional.Sum(Functional.Mul(d, d));
            return new ModelLoss(total, total, null);
        }
    }

    private sealed class Recorder(Action onStep) : ITrainingCallback
    {
        public void OnStepEnd(in StepReport report) => onStep();
    }
}
