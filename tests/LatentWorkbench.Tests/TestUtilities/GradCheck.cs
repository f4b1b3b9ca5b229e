using LatentWorkbench.Autograd;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Tests.TestUtilities;

/// <summary>
/// Finite-difference gradient check with a float64 reference: the scalar probe L = Σ wᵢ·yᵢ (random fixed
/// weights w) and the central differences (L(x + h) − L(x − h)) / 2h are formed in double, around the
/// float32 op; the analytical gradient comes from <see cref="Tensor.Backward"/> with w as the upstream gradient.
/// </summary>
public static class GradCheck
{
    /// <summary>Asserts that every input's analytical gradient matches central differences.</summary>
    public static void Assert(Func<Tensor[], Tensor> function, Tensor[] inputs, double step = 1e-3, double absoluteTolerance = 3e-3, double relativeTolerance = 1e-2)
    {
        foreach (var input in inputs)
        {
            input.RequiresGrad = true;
            input.Grad = null;
        }

        var output = function(inputs);
        var probe = new double[output.Length];
        var random = new TensorRandom(99);
        for (int i = 0; i < probe.Length; i++)
        {
            probe[i] = random.NextDouble() + 0.5;
        }

        var probeTensor = Tensor.Zeros([.. output.Shape]);
        for (int i = 0; i < probe.Length; i++)
        {
            probeTensor.AsSpan()[i] = (float)probe[i];
        }

        output.Backward(probeTensor);

        using var noGrad = GradMode.NoGrad();
        for (int t = 0; t < inputs.Length; t++)
        {
            var input = inputs[t];
            var analytical = input.Grad?.ToArray() ?? new float[input.Length];
            var values = input.AsSpan();
            for (int i = 0; i < input.Length; i++)
            {
                float original = values[i];
                float plus = (float)(original + step), minus = (float)(original - step);
                values[i] = plus;
                double lossPlus = Probe(function(inputs), probe);
                values[i] = minus;
                double lossMinus = Probe(function(inputs), probe);
                values[i] = original;
                double numerical = (lossPlus - lossMinus) / ((double)plus - minus);
                double error = Math.Abs(analytical[i] - numerical);
                Xunit.Assert.True(
                    error <= absoluteTolerance + (relativeTolerance * Math.Abs(numerical)),
                    $"input {t} element {i}: analytical {analytical[i]:G6} vs numerical {numerical:G6} (error {error:G3})");
            }
        }
    }

    private static double Probe(Tensor output, double[] weights)
    {
        var values = output.AsSpan();
        double total = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            total += weights[i] * values[i];
        }

        return total;
    }

    /// <summary>Uniform values in [−range, −gap] ∪ [gap, range]: away from the kinks at 0 of relu/abs/etc.</summary>
    public static Tensor AwayFromZero(int seed, int[] shape, float gap = 0.1f, float range = 2f)
    {
        var random = new TensorRandom((ulong)seed);
        var t = Tensor.Zeros(shape);
        var span = t.AsSpan();
        for (int i = 0; i < span.Length; i++)
        {
            float magnitude = gap + ((range - gap) * random.NextFloat());
            span[i] = random.NextFloat() < 0.5f ? -magnitude : magnitude;
        }

        return t;
    }

    /// <summary>Uniform values in [low, high).</summary>
    public static Tensor Uniform(int seed, int[] shape, float low, float high) => Tensor.Rand(new TensorRandom((ulong)seed), shape, low, high);
}
