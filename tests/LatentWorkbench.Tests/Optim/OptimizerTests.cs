using LatentWorkbench.Optim;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Tests.Optim;

public sealed class OptimizerTests
{
    private static Tensor Parameter(params float[] values) => Tensor.FromArray(values).RequireGrad();

    private static void SetGrad(Tensor p, params float[] g)
    {
        p.ZeroGrad();
        if (p.Grad is null)
        {
            LatentWorkbench.Ops.Functional.Sum(LatentWorkbench.Ops.Functional.Scale(p, 0f)).Backward();
        }

        g.CopyTo(p.Grad!.AsSpan());
    }

    [Fact]
    public void Adam_Matches_The_Reference_Formula_Over_Three_Steps()
    {
        var p = Parameter(1f, -2f);
        var adam = new Adam([p], learningRate: 0.1f, weightDecay: 0.01f);
        double[] reference = [1, -2], m = [0, 0], v = [0, 0];
        float[][] grads = [[0.5f, -1f], [0.2f, 0.3f], [-0.7f, 0.1f]];
        for (int t = 1; t <= 3; t++)
        {
            SetGrad(p, grads[t - 1]);
            adam.Step();
            for (int i = 0; i < 2; i++)
            {
                double g = grads[t - 1][i] + (0.01 * reference[i]);
                m[i] = (0.9 * m[i]) + (0.1 * g);
                v[i] = (0.999 * v[i]) + (0.001 * g * g);
                double mHat = m[i] / (1 - Math.Pow(0.9, t)), vHat = v[i] / (1 - Math.Pow(0.999, t));
                reference[i] -= 0.1 * mHat / (Math.Sqrt(vHat) + 1e-8);
            }
        }

        Assert.Equal(reference[0], p.AsSpan()[0], 5);
        Assert.Equal(reference[1], p.AsSpan()[1], 5);
    }

    [Fact]
    public void AdamW_Decays_Weights_Independently_Of_The_Gradient()
    {
        var p = Parameter(2f);
        var adamW = new AdamW([p], learningRate: 0.1f, weightDecay: 0.5f);
        SetGrad(p, 0f);
        adamW.Step();
        Assert.Equal(2f * (1f - (0.1f * 0.5f)), p.AsSpan()[0], 6); // zero gradient: only the decoupled decay acts
    }

    [Fact]
    public void Sgd_With_Nesterov_Momentum_Matches_PyTorch_Formula()
    {
        var p = Parameter(1f);
        var sgd = new Sgd([p], learningRate: 0.1f, momentum: 0.9f, nesterov: true);
        double reference = 1, buffer = 0;
        float[] grads = [1f, 0.5f, -0.25f];
        for (int t = 0; t < grads.Length; t++)
        {
            SetGrad(p, grads[t]);
            sgd.Step();
            buffer = t == 0 ? grads[t] : (0.9 * buffer) + grads[t];
            reference -= 0.1 * (grads[t] + (0.9 * buffer));
        }

        Assert.Equal(reference, p.AsSpan()[0], 5);
    }

    [Fact]
    public void Invalid_Hyperparameters_Are_Rejected_At_Construction()
    {
        var p = Parameter(1f);
        Assert.Contains("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], beta1: 1f)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], learningRate: -1f));
        Assert.Throws<ArgumentException>(() => new Sgd([p], 0.1f, nesterov: true));
        Assert.Throws<ArgumentException>(() => new Sgd([], 0.1f));
    }

    [Fact]
    public void Clipping_Scales_The_Global_Norm_Down_To_The_Limit()
    {
        var a = Parameter(0f, 0f);
        var b = Parameter(0f);
        SetGrad(a, 3f, 0f);
        SetGrad(b, 4f);
        double norm = GradientClipping.ClipGradNorm([a, b], 1.0);
        Assert.Equal(5.0, norm, 5);
        Assert.Equal(0.6f, a.Grad!.AsSpan()[0], 4);
        Assert.Equal(0.8f, b.Grad!.AsSpan()[0], 4);
        Assert.Equal(1.0, GradientClipping.ClipGradNorm([a, b], 10.0), 4); // under the limit: unchanged
    }

    [Fact]
    public void Schedules_Follow_Their_Formulas()
    {
        var step = new StepSchedule(1f, stepSize: 10, gamma: 0.5f);
        Assert.Equal(1f, step.At(9));
        Assert.Equal(0.25f, step.At(25));
        var cosine = new CosineSchedule(1f, totalSteps: 100, minimum: 0.1f);
        Assert.Equal(1f, cosine.At(0), 5);
        Assert.Equal(0.55f, cosine.At(50), 5);
        Assert.Equal(0.1f, cosine.At(100), 5);
        var warmup = new LinearWarmupSchedule(4, new StepSchedule(0.8f, 1000));
        Assert.Equal([0.2f, 0.4f, 0.6f, 0.8f, 0.8f], Enumerable.Range(0, 5).Select(warmup.At));
        var p = Parameter(1f);
        var sgd = new Sgd([p], 1f);
        warmup.Apply(sgd, 0);
        Assert.Equal(0.2f, sgd.LearningRate);
    }
}
