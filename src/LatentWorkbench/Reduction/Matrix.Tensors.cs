using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Reduction;

/// <summary>The seam to torch tensors: a contiguous float32 CPU tensor is read in place, a result goes back without a copy.</summary>
internal sealed partial class Matrix
{
    /// <summary>
    /// A matrix that reads <paramref name="host"/> in place: a contiguous float32 CPU tensor [N, D] (or [N, …], read as
    /// [N, D]), typically the result of <see cref="TensorSpans.OnHost"/>. The caller keeps <paramref name="host"/>
    /// alive (and unmodified) while the matrix is used.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor is a scalar or a vector, or too large for one span.</exception>
    public static Matrix View(torch.Tensor host, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(host, parameterName);
        if (host.dim() < 2)
        {
            throw new ArgumentException(
                $"{parameterName} must be a tensor of N×D points; got shape [{string.Join(", ", host.shape)}].", parameterName);
        }

        long rows = host.shape[0], count = host.numel();
        long cols = rows == 0 ? host.shape[1..].Aggregate(1L, (a, b) => a * b) : count / rows;
        if (count > Array.MaxLength || cols > int.MaxValue)
        {
            throw new ArgumentException($"{parameterName} holds {count:N0} values, more than one span can address.", parameterName);
        }

        // Floats throws, naming the rule, when the tensor is not contiguous float32 on the CPU.
        return new Matrix(host, TensorSpans.Floats(host), (int)rows, (int)cols);
    }

    /// <summary>
    /// A float32 CPU tensor [Rows, Cols] with this matrix's values, copied once into libtorch's memory (a managed
    /// array pinned under a tensor fragments the heap: <see cref="TensorSpans"/>); for a view, a new handle to the viewed tensor.
    /// </summary>
    public torch.Tensor ToTensor()
    {
        TorchRuntime.EnsureInitialized();
        return _array is null ? _tensor!.reshape(Rows, Cols) : TensorSpans.Copy(_array, Rows, Cols);
    }

    /// <summary>A matrix with the values of <paramref name="tensor"/> (any device and float dtype), copied once to an owned array.</summary>
    public static Matrix Copy(torch.Tensor tensor, string parameterName)
    {
        using var host = TensorSpans.OnHost(tensor, parameterName);
        var view = View(host, parameterName);
        return new Matrix(view.Values.ToArray(), view.Rows, view.Cols);
    }
}
