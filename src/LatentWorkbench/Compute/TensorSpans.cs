using System.Diagnostics;
using System.Runtime.InteropServices;
using TorchSharp;

namespace LatentWorkbench.Compute;

/// <summary>
/// The one place where our span-level kernels read torch tensors: a contiguous float32 CPU tensor is read in place,
/// as a span over libtorch's own buffer, with no copy.
/// </summary>
/// <remarks>
/// The span aliases the tensor's storage from its data pointer (which already includes any storage offset of a view),
/// so it is valid only while the tensor lives and nothing resizes it; callers keep the tensor in a <c>using</c> for the
/// span's lifetime. A tensor on another device, of another dtype or not contiguous is copied once by
/// <see cref="OnHost"/>, and the copy is reported through <see cref="Trace"/> so a user who wonders where
/// the memory went can find out (a 60,000-image MNIST split is 188 MB).
/// <para>
/// The other direction never pins: a kernel's result array is copied into a new libtorch tensor
/// (<see cref="Copy"/>), not wrapped with <c>torch.from_array</c>. A pinned array cannot move, so a compacting
/// collection cannot close the gaps around it, and the garbage a reducer left beside its result stayed committed: one
/// 14 MB pinned PCA projection of all 70,000 digits held 209 MB of fragmented heap, and notebook 04's many pinned
/// embeddings raised its peak from 2.0 to 2.9–3.3 GB. The copy costs a memcpy per result.
/// </para>
/// </remarks>
internal static class TensorSpans
{
    /// <summary>
    /// <paramref name="tensor"/> itself (a new handle to the same storage) when it is a contiguous float32 CPU tensor,
    /// else one copy of it that is. Dispose the result; the caller's tensor is untouched.
    /// </summary>
    /// <param name="tensor">Any float tensor.</param>
    /// <param name="parameterName">The caller's parameter, named in the copy notice.</param>
    public static torch.Tensor OnHost(torch.Tensor tensor, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(tensor, parameterName);
        if (IsReadableInPlace(tensor))
        {
            return tensor.alias();
        }

        Trace.TraceInformation(
            "{0}: a {1} tensor on {2}{3} is copied once to a contiguous float32 CPU tensor ({4:N0} values) for a CPU kernel.",
            parameterName, tensor.dtype, tensor.device, tensor.is_contiguous() ? string.Empty : " (not contiguous)", tensor.numel());
        return tensor.detach().to(torch.float32).cpu().contiguous();
    }

    /// <summary>A new float32 CPU tensor [<paramref name="rows"/>, <paramref name="cols"/>] holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The length of <paramref name="values"/> is not rows × cols.</exception>
    public static torch.Tensor Copy(ReadOnlySpan<float> values, long rows, long cols)
    {
        if (rows < 0 || cols < 0 || rows * cols != values.Length)
        {
            throw new ArgumentException($"values has {values.Length} entries; expected rows × cols = {rows} × {cols}.", nameof(values));
        }

        TorchRuntime.EnsureInitialized();
        var tensor = torch.empty([rows, cols], dtype: torch.float32);
        values.CopyTo(Writable(tensor));
        return tensor;
    }

    /// <summary>True when <see cref="Floats"/> can read <paramref name="tensor"/> without a copy.</summary>
    public static bool IsReadableInPlace(torch.Tensor tensor) =>
        tensor.device_type == DeviceType.CPU && tensor.dtype == torch.float32 && tensor.is_contiguous();

    /// <summary>The values of a contiguous float32 CPU tensor, row-major, read in place.</summary>
    /// <exception cref="ArgumentException">The tensor is not on the CPU, not float32 or not contiguous (use <see cref="OnHost"/> first).</exception>
    public static unsafe ReadOnlySpan<float> Floats(torch.Tensor tensor) => Writable(tensor);

    /// <summary>
    /// The values of a contiguous float32 CPU tensor as a writable span, for a kernel that fills a tensor it just
    /// allocated (never one a caller passed in).
    /// </summary>
    public static unsafe Span<float> Writable(torch.Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!IsReadableInPlace(tensor))
        {
            throw new ArgumentException(
                $"A CPU kernel reads a contiguous float32 CPU tensor; got {tensor.dtype} on {tensor.device}" +
                $"{(tensor.is_contiguous() ? string.Empty : ", not contiguous")}. Pass it through TensorSpans.OnHost first.",
                nameof(tensor));
        }

        long count = tensor.numel();
        if (count > Array.MaxLength)
        {
            throw new ArgumentException($"A tensor of {count:N0} values is larger than one span can address.", nameof(tensor));
        }

        if (count == 0)
        {
            return [];
        }

        var bytes = tensor.bytes;
        return MemoryMarshal.Cast<byte, float>(bytes)[..(int)count];
    }
}
