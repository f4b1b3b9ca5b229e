using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Reduction;

/// <summary>
/// The seam between models (torch tensors) and reducers and metrics (<see cref="Matrix"/>): a matrix is a
/// zero-copy tensor view of its array, and a tensor becomes a matrix with one copy to host memory.
/// </summary>
public sealed partial class Matrix
{
    /// <summary>
    /// A float32 CPU tensor [Rows, Cols] over this matrix's array, without copying (the array stays pinned while
    /// the tensor lives). Writes through the tensor change the matrix. Move it with <c>.to(device)</c> for a GPU.
    /// </summary>
    public torch.Tensor AsTensor()
    {
        TorchRuntime.EnsureInitialized();
        return torch.from_array(Data).reshape(Rows, Cols);
    }

    /// <summary>
    /// A matrix with the values of <paramref name="tensor"/> (any device and float dtype, shape [N, D] or [N, …]
    /// flattened to [N, D]): one copy to host memory as float32, row-major.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has no dimensions, or more elements than an array holds.</exception>
    public static Matrix FromTensor(torch.Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dim() == 0)
        {
            throw new ArgumentException("A matrix needs a tensor of shape [N, D]; got a scalar.", nameof(tensor));
        }

        using var host = tensor.detach().to(torch.float32).cpu().reshape(tensor.shape[0], -1).contiguous();
        long rows = host.shape[0], cols = host.shape[1];
        if (rows * cols > Array.MaxLength)
        {
            throw new ArgumentException($"A tensor of {rows} × {cols} values does not fit one array.", nameof(tensor));
        }

        return new Matrix(host.data<float>().ToArray(), (int)rows, (int)cols);
    }
}
