using TorchSharp;

namespace LatentWorkbench.Compute;

/// <summary>
/// Reads a small result tensor (per-example values of a metric, a classifier's predictions) into a host array, for the
/// summaries a result record computes in C#.
/// </summary>
/// <remarks>
/// The summaries (means, standard errors, shares) stay in C# in one fixed order over these arrays rather than
/// becoming tensor reductions: libtorch sums in blocks, so a recorded mean would move in its last bits. Any device,
/// dtype or stride is accepted; the caller's tensor is untouched.
/// </remarks>
internal static class TensorValues
{
    /// <summary>The values of <paramref name="values"/> as float64, row-major.</summary>
    public static double[] Doubles(torch.Tensor values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var host = values.detach().to(torch.float64).cpu().contiguous();
        return host.data<double>().ToArray();
    }

    /// <summary>The values of the integer tensor <paramref name="values"/> as int64, row-major.</summary>
    public static long[] Longs(torch.Tensor values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var host = values.detach().to(torch.int64).cpu().contiguous();
        return host.data<long>().ToArray();
    }
}
