using System.Numerics;

namespace LatentWorkbench.Kernels;

internal static partial class TensorKernels
{
    /// <summary><see cref="AdamUpdate"/> over fixed parts in parallel (elementwise, so the result does not depend on threads).</summary>
    public static unsafe void AdamUpdateParallel(
        Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v,
        float lr, float beta1, float beta2, float eps, float biasCorrection1, float biasCorrection2, float l2, float decoupledDecay)
    {
        if (FixedPartition.PartCount(p.Length) == 1)
        {
            AdamUpdate(p, g, m, v, lr, beta1, beta2, eps, biasCorrection1, biasCorrection2, l2, decoupledDecay);
            return;
        }

        fixed (float* pp = p, pg = g, pm = m, pv = v)
        {
            nint ap = (nint)pp, ag = (nint)pg, am = (nint)pm, av = (nint)pv;
            FixedPartition.Run(p.Length, (_, start, count) => AdamUpdate(
                new Span<float>((float*)ap + start, count), new ReadOnlySpan<float>((float*)ag + start, count),
                new Span<float>((float*)am + start, count), new Span<float>((float*)av + start, count),
                lr, beta1, beta2, eps, biasCorrection1, biasCorrection2, l2, decoupledDecay));
        }
    }

    /// <summary>
    /// One Adam/AdamW update in place (PyTorch's formula): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
    /// p ← p − (lr / bc₁)·m / (√v / √bc₂ + ε). <paramref name="l2"/> adds l2·p to g (Adam's weight decay);
    /// <paramref name="decoupledDecay"/> multiplies p by (1 − lr·decay) first (AdamW).
    /// </summary>
    public static void AdamUpdate(
        Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v,
        float lr, float beta1, float beta2, float eps, float biasCorrection1, float biasCorrection2, float l2, float decoupledDecay)
    {
        float stepSize = lr / biasCorrection1;
        float invSqrtBc2 = 1f / MathF.Sqrt(biasCorrection2);
        float shrink = 1f - (lr * decoupledDecay);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var b1 = new Vector<float>(beta1);
            var b2 = new Vector<float>(beta2);
            var oneMinusB1 = new Vector<float>(1f - beta1);
            var oneMinusB2 = new Vector<float>(1f - beta2);
            var epsV = new Vector<float>(eps);
            var scaleV = new Vector<float>(invSqrtBc2);
            var stepV = new Vector<float>(stepSize);
            var l2V = new Vector<float>(l2);
            var shrinkV = new Vector<float>(shrink);
            for (; i <= p.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var pv = new Vector<float>(p[i..]) * shrinkV;
                var gv = new Vector<float>(g[i..]) + (l2V * new Vector<float>(p[i..]));
                var mv = (b1 * new Vector<float>(m[i..])) + (oneMinusB1 * gv);
                var vv = (b2 * new Vector<float>(v[i..])) + (oneMinusB2 * gv * gv);
                mv.CopyTo(m[i..]);
                vv.CopyTo(v[i..]);
                (pv - (stepV * mv / ((Vector.SquareRoot(vv) * scaleV) + epsV))).CopyTo(p[i..]);
            }
        }

        for (; i < p.Length; i++)
        {
            float gi = g[i] + (l2 * p[i]);
            m[i] = (beta1 * m[i]) + ((1f - beta1) * gi);
            v[i] = (beta2 * v[i]) + ((1f - beta2) * gi * gi);
            p[i] = (p[i] * shrink) - (stepSize * m[i] / ((MathF.Sqrt(v[i]) * invSqrtBc2) + eps));
        }
    }

    /// <summary>
    /// One SGD update in place (PyTorch's formula): g ← g + wd·p; with momentum μ, buf ← μ·buf + (1 − dampening)·g
    /// (buf = g on the first step) and g ← g + μ·buf (Nesterov) or buf; then p ← p − lr·g.
    /// </summary>
    public static void SgdUpdate(Span<float> p, ReadOnlySpan<float> g, Span<float> buffer, bool firstStep, float lr, float momentum, float dampening, float weightDecay, bool nesterov)
    {
        for (int i = 0; i < p.Length; i++)
        {
            float gi = g[i] + (weightDecay * p[i]);
            if (momentum != 0f)
            {
                float b = firstStep ? gi : (momentum * buffer[i]) + ((1f - dampening) * gi);
                buffer[i] = b;
                gi = nesterov ? gi + (momentum * b) : b;
            }

            p[i] -= lr * gi;
        }
    }
}
