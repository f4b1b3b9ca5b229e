using LatentWorkbench.Autograd;
using LatentWorkbench.Kernels;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Ops;

public static partial class Functional
{
    /// <summary>
    /// Batch normalization (Ioffe &amp; Szegedy 2015) over [N, C] or [N, C, H, W]: y = γ·(x − μ)/√(σ² + ε) + β per channel.
    /// In training, μ and σ² are the batch's (biased) statistics and the running buffers move toward them
    /// (running ← (1 − momentum)·running + momentum·batch, with the unbiased variance); otherwise the running values are used.
    /// </summary>
    public static Tensor BatchNorm(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVariance, bool training, float momentum = 0.1f, float epsilon = 1e-5f)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(gamma);
        ArgumentNullException.ThrowIfNull(beta);
        ArgumentNullException.ThrowIfNull(runningMean);
        ArgumentNullException.ThrowIfNull(runningVariance);
        if ((x.Rank != 2 && x.Rank != 4) || gamma.Length != x.Dim(1) || beta.Length != x.Dim(1) || runningMean.Length != x.Dim(1) || runningVariance.Length != x.Dim(1))
        {
            throw new ArgumentException($"BatchNorm needs x [N, C] or [N, C, H, W] and per-channel parameters of length C; got x {ShapeMath.Format(x.ShapeArray)}, gamma {ShapeMath.Format(gamma.ShapeArray)}.", nameof(x));
        }

        int batch = x.Dim(0), channels = x.Dim(1), spatial = x.Rank == 4 ? x.Dim(2) * x.Dim(3) : 1;
        if (training && batch * spatial < 2)
        {
            throw new ArgumentException($"BatchNorm in training mode needs more than one value per channel; got x {ShapeMath.Format(x.ShapeArray)}.", nameof(x));
        }

        var mean = new float[channels];
        var invStd = new float[channels];
        if (training)
        {
            var variance = new float[channels];
            TensorKernels.ChannelMoments(x.Span, batch, channels, spatial, mean, variance);
            float unbias = batch * spatial / (float)((batch * spatial) - 1);
            var rm = runningMean.AsSpan();
            var rv = runningVariance.AsSpan();
            for (int c = 0; c < channels; c++)
            {
                invStd[c] = 1f / MathF.Sqrt(variance[c] + epsilon);
                rm[c] = ((1 - momentum) * rm[c]) + (momentum * mean[c]);
                rv[c] = ((1 - momentum) * rv[c]) + (momentum * variance[c] * unbias);
            }
        }
        else
        {
            runningMean.AsSpan().CopyTo(mean);
            for (int c = 0; c < channels; c++)
            {
                invStd[c] = 1f / MathF.Sqrt(runningVariance.AsSpan()[c] + epsilon);
            }
        }

        var y = TensorStorage.Create(x.ShapeArray, clear: false);
        TensorKernels.BatchNormApply(x.Span, batch, channels, spatial, mean, invStd, gamma.Span, beta.Span, y.Span);
        if (!Graph.Needs(x, gamma, beta))
        {
            return y;
        }

        return Graph.Record(y, () =>
        {
            bool affine = gamma.RequiresGrad || beta.RequiresGrad;
            TensorKernels.BatchNormBackward(
                x.Span, y.Grad!.Span, batch, channels, spatial, mean, invStd, gamma.Span, training,
                x.RequiresGrad ? x.GradSpan() : [], affine ? gamma.GradSpan() : [], affine ? beta.GradSpan() : []);
        }, x, gamma, beta);
    }
}
