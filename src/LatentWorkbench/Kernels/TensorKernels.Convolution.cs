namespace LatentWorkbench.Kernels;

internal static partial class TensorKernels
{
    /// <summary>
    /// im2col: cols[(c, i, j), (oy, ox)] = x[c, oy·s − p + i, ox·s − p + j] (0 outside the image), so that a
    /// convolution becomes one GEMM: W [O, C·kh·kw] · cols [C·kh·kw, Ho·Wo].
    /// </summary>
    public static void Im2Col(ReadOnlySpan<float> image, in ConvGeometry g, Span<float> cols)
    {
        int outH = g.OutHeight, outW = g.OutWidth, row = 0;
        for (int c = 0; c < g.Channels; c++)
        {
            for (int i = 0; i < g.KernelHeight; i++)
            {
                for (int j = 0; j < g.KernelWidth; j++, row++)
                {
                    var dst = cols.Slice(row * outH * outW, outH * outW);
                    for (int oy = 0; oy < outH; oy++)
                    {
                        int y = (oy * g.Stride) - g.Padding + i;
                        for (int ox = 0; ox < outW; ox++)
                        {
                            int x = (ox * g.Stride) - g.Padding + j;
                            dst[(oy * outW) + ox] = (uint)y < (uint)g.Height && (uint)x < (uint)g.Width
                                ? image[(((c * g.Height) + y) * g.Width) + x]
                                : 0f;
                        }
                    }
                }
            }
        }
    }

    /// <summary>col2im: the adjoint of <see cref="Im2Col"/>; adds every column entry back onto its image pixel.</summary>
    public static void Col2ImAccumulate(ReadOnlySpan<float> cols, in ConvGeometry g, Span<float> image)
    {
        int outH = g.OutHeight, outW = g.OutWidth, row = 0;
        for (int c = 0; c < g.Channels; c++)
        {
            for (int i = 0; i < g.KernelHeight; i++)
            {
                for (int j = 0; j < g.KernelWidth; j++, row++)
                {
                    var src = cols.Slice(row * outH * outW, outH * outW);
                    for (int oy = 0; oy < outH; oy++)
                    {
                        int y = (oy * g.Stride) - g.Padding + i;
                        if ((uint)y >= (uint)g.Height)
                        {
                            continue;
                        }

                        for (int ox = 0; ox < outW; ox++)
                        {
                            int x = (ox * g.Stride) - g.Padding + j;
                            if ((uint)x < (uint)g.Width)
                            {
                                image[(((c * g.Height) + y) * g.Width) + x] += src[(oy * outW) + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>dst[c, l] += bias[c] for a [channels, pixels] block.</summary>
    public static void AddChannelBias(Span<float> block, ReadOnlySpan<float> bias, int pixels)
    {
        for (int c = 0; c < bias.Length; c++)
        {
            var row = block.Slice(c * pixels, pixels);
            System.Numerics.Tensors.TensorPrimitives.Add(row, bias[c], row);
        }
    }

    /// <summary>gb[c] += Σ_l g[c, l] for a [channels, pixels] block.</summary>
    public static void AccumulateChannelSums(ReadOnlySpan<float> block, Span<float> gradBias, int pixels)
    {
        for (int c = 0; c < gradBias.Length; c++)
        {
            gradBias[c] += System.Numerics.Tensors.TensorPrimitives.Sum(block.Slice(c * pixels, pixels));
        }
    }
}
