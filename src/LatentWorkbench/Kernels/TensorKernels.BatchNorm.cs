namespace LatentWorkbench.Kernels;

internal static partial class TensorKernels
{
    /// <summary>
    /// Per-channel mean and biased variance of x viewed as [N, C, S] (S = H·W, or 1 for [N, C]), summed in double.
    /// </summary>
    public static void ChannelMoments(ReadOnlySpan<float> x, int batch, int channels, int spatial, Span<float> mean, Span<float> variance)
    {
        int count = batch * spatial;
        for (int c = 0; c < channels; c++)
        {
            double sum = 0, sumSquares = 0;
            for (int n = 0; n < batch; n++)
            {
                var block = x.Slice(((n * channels) + c) * spatial, spatial);
                foreach (float v in block)
                {
                    sum += v;
                    sumSquares += (double)v * v;
                }
            }

            double m = sum / count;
            mean[c] = (float)m;
            variance[c] = (float)Math.Max((sumSquares / count) - (m * m), 0);
        }
    }

    /// <summary>y = γ·(x − μ)·invstd + β per channel of [N, C, S].</summary>
    public static void BatchNormApply(ReadOnlySpan<float> x, int batch, int channels, int spatial, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> y)
    {
        for (int n = 0; n < batch; n++)
        {
            for (int c = 0; c < channels; c++)
            {
                int start = ((n * channels) + c) * spatial;
                float scale = gamma[c] * invStd[c], shift = beta[c] - (mean[c] * scale);
                for (int s = 0; s < spatial; s++)
                {
                    y[start + s] = (x[start + s] * scale) + shift;
                }
            }
        }
    }

    /// <summary>
    /// Batch-norm backward per channel with x̂ = (x − μ)·invstd and M = N·S: dγ += Σ dy·x̂, dβ += Σ dy, and
    /// dx += γ·invstd·(dy − Σdy/M − x̂·Σ(dy·x̂)/M) when the statistics came from the batch (training), else γ·invstd·dy.
    /// </summary>
    public static void BatchNormBackward(
        ReadOnlySpan<float> x, ReadOnlySpan<float> gy, int batch, int channels, int spatial,
        ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd, ReadOnlySpan<float> gamma, bool batchStatistics,
        Span<float> gx, Span<float> gGamma, Span<float> gBeta)
    {
        int count = batch * spatial;
        for (int c = 0; c < channels; c++)
        {
            double sumDy = 0, sumDyXhat = 0;
            for (int n = 0; n < batch; n++)
            {
                int start = ((n * channels) + c) * spatial;
                for (int s = 0; s < spatial; s++)
                {
                    float xhat = (x[start + s] - mean[c]) * invStd[c];
                    sumDy += gy[start + s];
                    sumDyXhat += gy[start + s] * xhat;
                }
            }

            if (!gGamma.IsEmpty)
            {
                gGamma[c] += (float)sumDyXhat;
                gBeta[c] += (float)sumDy;
            }

            if (gx.IsEmpty)
            {
                continue;
            }

            float k = gamma[c] * invStd[c];
            float meanDy = batchStatistics ? (float)(sumDy / count) : 0f, meanDyXhat = batchStatistics ? (float)(sumDyXhat / count) : 0f;
            for (int n = 0; n < batch; n++)
            {
                int start = ((n * channels) + c) * spatial;
                for (int s = 0; s < spatial; s++)
                {
                    float xhat = (x[start + s] - mean[c]) * invStd[c];
                    gx[start + s] += k * (gy[start + s] - meanDy - (xhat * meanDyXhat));
                }
            }
        }
    }
}
