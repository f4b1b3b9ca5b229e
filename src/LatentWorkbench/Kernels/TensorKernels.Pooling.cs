namespace LatentWorkbench.Kernels;

internal static partial class TensorKernels
{
    /// <summary>Max over k×k windows with stride s of [planes, H, W]; records the flat input index of each maximum (first one on ties).</summary>
    public static void MaxPool(ReadOnlySpan<float> x, int planes, int height, int width, int kernel, int stride, Span<float> y, Span<int> argmax)
    {
        int outH = ((height - kernel) / stride) + 1, outW = ((width - kernel) / stride) + 1, o = 0;
        for (int p = 0; p < planes; p++)
        {
            int plane = p * height * width;
            for (int oy = 0; oy < outH; oy++)
            {
                for (int ox = 0; ox < outW; ox++, o++)
                {
                    int best = plane + (oy * stride * width) + (ox * stride);
                    for (int i = 0; i < kernel; i++)
                    {
                        for (int j = 0; j < kernel; j++)
                        {
                            int index = plane + (((oy * stride) + i) * width) + (ox * stride) + j;
                            if (x[index] > x[best])
                            {
                                best = index;
                            }
                        }
                    }

                    y[o] = x[best];
                    argmax[o] = best;
                }
            }
        }
    }

    /// <summary>Mean over k×k windows with stride s of [planes, H, W].</summary>
    public static void AvgPool(ReadOnlySpan<float> x, int planes, int height, int width, int kernel, int stride, Span<float> y)
    {
        int outH = ((height - kernel) / stride) + 1, outW = ((width - kernel) / stride) + 1, o = 0;
        float scale = 1f / (kernel * kernel);
        for (int p = 0; p < planes; p++)
        {
            int plane = p * height * width;
            for (int oy = 0; oy < outH; oy++)
            {
                for (int ox = 0; ox < outW; ox++, o++)
                {
                    float sum = 0;
                    for (int i = 0; i < kernel; i++)
                    {
                        int row = plane + (((oy * stride) + i) * width) + (ox * stride);
                        for (int j = 0; j < kernel; j++)
                        {
                            sum += x[row + j];
                        }
                    }

                    y[o] = sum * scale;
                }
            }
        }
    }

    /// <summary>gx[window] += gy / k² for every window: the adjoint of <see cref="AvgPool"/>.</summary>
    public static void AvgPoolBackward(ReadOnlySpan<float> gy, int planes, int height, int width, int kernel, int stride, Span<float> gx)
    {
        int outH = ((height - kernel) / stride) + 1, outW = ((width - kernel) / stride) + 1, o = 0;
        float scale = 1f / (kernel * kernel);
        for (int p = 0; p < planes; p++)
        {
            int plane = p * height * width;
            for (int oy = 0; oy < outH; oy++)
            {
                for (int ox = 0; ox < outW; ox++, o++)
                {
                    float share = gy[o] * scale;
                    for (int i = 0; i < kernel; i++)
                    {
                        int row = plane + (((oy * stride) + i) * width) + (ox * stride);
                        for (int j = 0; j < kernel; j++)
                        {
                            gx[row + j] += share;
                        }
                    }
                }
            }
        }
    }
}
