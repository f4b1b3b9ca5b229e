namespace LatentWorkbench.Figures.Explorer;

/// <summary>
/// Runs a <see cref="DecoderProgram"/> in C#, op by op, exactly as the explorer page's JavaScript does (float32
/// weights, sums accumulated in double, the same loop order): the reference that tests compare with TorchSharp's
/// decoder and with the page.
/// </summary>
public static class DecoderProgramEvaluator
{
    /// <summary>The decoded values (pixels) of latent point <paramref name="z"/>; <paramref name="label"/> for a conditional program.</summary>
    /// <exception cref="ArgumentException">z has the wrong length, or a conditional program got no label in range.</exception>
    public static IReadOnlyList<float> Decode(DecoderProgram program, IReadOnlyList<float> z, int? label = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(z);
        if (z.Count != program.LatentSize)
        {
            throw new ArgumentException($"z has {z.Count} values; the decoder takes {program.LatentSize}.", nameof(z));
        }

        if (program.IsConditional && (label is null || label < 0 || label >= program.Classes))
        {
            throw new ArgumentException($"The decoder is conditional: give a label in [0, {program.Classes}).", nameof(label));
        }

        double[] x = [.. z.Select(v => (double)v)];
        int[] shape = [x.Length];
        foreach (var op in program.Ops)
        {
            (x, shape) = Apply(op, x, shape, label ?? 0);
        }

        return [.. x.Select(v => (float)v)];
    }

    private static (double[] Values, int[] Shape) Apply(DecoderOp op, double[] x, int[] shape, int label) => op switch
    {
        LinearOp l => (Linear(l, x), [l.Out]),
        ActivationOp a => (Array.ConvertAll(x, v => Activate(a, v)), shape),
        ReshapeOp r => (x, [.. r.Shape]),
        ConcatLabelOp c => ([.. x, .. Enumerable.Range(0, c.Classes).Select(i => i == label ? 1.0 : 0.0)], [x.Length + c.Classes]),
        Conv2dOp c => Conv(c, x, shape),
        ConvTranspose2dOp t => ConvTranspose(t, x, shape),
        _ => throw new ArgumentException($"Unknown op {op.GetType().Name}.", nameof(op)),
    };

    private static double Activate(ActivationOp a, double v) => a.Activation switch
    {
        ActivationKind.Relu => v > 0 ? v : 0,
        ActivationKind.LeakyRelu => v >= 0 ? v : a.Slope * v,
        ActivationKind.Sigmoid => 1 / (1 + Math.Exp(-v)),
        ActivationKind.Tanh => Math.Tanh(v),
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    private static double[] Linear(LinearOp l, double[] x)
    {
        var y = new double[l.Out];
        for (int o = 0; o < l.Out; o++)
        {
            double sum = l.Bias[o];
            int row = o * l.In;
            for (int i = 0; i < l.In; i++)
            {
                sum += l.Weight[row + i] * x[i];
            }

            y[o] = sum;
        }

        return y;
    }

    private static (double[], int[]) Conv(Conv2dOp c, double[] x, int[] shape)
    {
        int h = shape[1], w = shape[2], k = c.KernelSize;
        int outH = ((h + (2 * c.Padding) - k) / c.Stride) + 1, outW = ((w + (2 * c.Padding) - k) / c.Stride) + 1;
        var y = new double[c.OutChannels * outH * outW];
        for (int o = 0; o < c.OutChannels; o++)
        {
            for (int oy = 0; oy < outH; oy++)
            {
                for (int ox = 0; ox < outW; ox++)
                {
                    double sum = c.Bias[o];
                    for (int i = 0; i < c.InChannels; i++)
                    {
                        for (int ky = 0; ky < k; ky++)
                        {
                            int iy = (oy * c.Stride) - c.Padding + ky;
                            if (iy < 0 || iy >= h)
                            {
                                continue;
                            }

                            for (int kx = 0; kx < k; kx++)
                            {
                                int ix = (ox * c.Stride) - c.Padding + kx;
                                if (ix >= 0 && ix < w)
                                {
                                    sum += c.Weight[(((((o * c.InChannels) + i) * k) + ky) * k) + kx] * x[(((i * h) + iy) * w) + ix];
                                }
                            }
                        }
                    }

                    y[(((o * outH) + oy) * outW) + ox] = sum;
                }
            }
        }

        return (y, [c.OutChannels, outH, outW]);
    }

    // Scatter form: input pixel (iy, ix) adds weight·value at output (iy·s − p + ky, ix·s − p + kx).
    private static (double[], int[]) ConvTranspose(ConvTranspose2dOp t, double[] x, int[] shape)
    {
        int h = shape[1], w = shape[2], k = t.KernelSize;
        int outH = ((h - 1) * t.Stride) - (2 * t.Padding) + k + t.OutputPadding, outW = ((w - 1) * t.Stride) - (2 * t.Padding) + k + t.OutputPadding;
        var y = new double[t.OutChannels * outH * outW];
        for (int o = 0; o < t.OutChannels; o++)
        {
            Array.Fill(y, t.Bias[o], o * outH * outW, outH * outW);
        }

        for (int i = 0; i < t.InChannels; i++)
        {
            for (int iy = 0; iy < h; iy++)
            {
                for (int ix = 0; ix < w; ix++)
                {
                    double value = x[(((i * h) + iy) * w) + ix];
                    for (int o = 0; o < t.OutChannels; o++)
                    {
                        for (int ky = 0; ky < k; ky++)
                        {
                            int oy = (iy * t.Stride) - t.Padding + ky;
                            if (oy < 0 || oy >= outH)
                            {
                                continue;
                            }

                            for (int kx = 0; kx < k; kx++)
                            {
                                int ox = (ix * t.Stride) - t.Padding + kx;
                                if (ox >= 0 && ox < outW)
                                {
                                    y[(((o * outH) + oy) * outW) + ox] += t.Weight[(((((i * t.OutChannels) + o) * k) + ky) * k) + kx] * value;
                                }
                            }
                        }
                    }
                }
            }
        }

        return (y, [t.OutChannels, outH, outW]);
    }
}
