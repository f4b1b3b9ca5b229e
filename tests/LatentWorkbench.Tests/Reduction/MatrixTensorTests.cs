using LatentWorkbench.Reduction;
using TorchSharp;

namespace LatentWorkbench.Tests.Reduction;

public sealed class MatrixTensorTests
{
    [Fact]
    public void ToTensor_Copies_The_Array_Into_Libtorch_Memory()
    {
        // A copy, not a pinned view: a pinned array fragments the managed heap (PcaResultMemoryTests).
        var matrix = new Matrix([1, 2, 3, 4, 5, 6], 2, 3);
        using var tensor = matrix.ToTensor();
        Assert.Equal([2L, 3L], tensor.shape);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], tensor.data<float>().ToArray());
        tensor[1, 2] = torch.tensor(60f);
        Assert.Equal(6f, matrix.Data[5]);
    }

    [Fact]
    public void View_Reads_A_Contiguous_Float32_Cpu_Tensor_In_Place_And_Flattens_Trailing_Dimensions()
    {
        using var tensor = torch.arange(24, dtype: torch.float32).reshape(2, 3, 4);
        var matrix = Matrix.View(tensor, "tensor");
        Assert.Equal((2, 12), (matrix.Rows, matrix.Cols));
        tensor[1, 0, 0] = torch.tensor(-1f);
        Assert.Equal(-1f, matrix[1, 0]);
        Assert.Throws<InvalidOperationException>(() => matrix.Data);
    }

    [Fact]
    public void View_Refuses_What_It_Cannot_Read_In_Place()
    {
        using var wide = torch.zeros(2, 3, dtype: torch.float64);
        using var strided = torch.zeros(3, 2).t();
        using var vector = torch.zeros(3);
        Assert.Throws<ArgumentException>(() => Matrix.View(wide, "wide"));
        Assert.Throws<ArgumentException>(() => Matrix.View(strided, "strided"));
        Assert.Equal("vector", Assert.Throws<ArgumentException>(() => Matrix.View(vector, "vector")).ParamName);
    }

    [Fact]
    public void Copy_Takes_Any_Float_Tensor_Row_Major_Once()
    {
        using var tensor = torch.arange(24, dtype: torch.float64).reshape(2, 3, 4);
        using var transposed = tensor.transpose(1, 2);
        var matrix = Matrix.Copy(transposed, "tensor");
        Assert.Equal((2, 12), (matrix.Rows, matrix.Cols));
        Assert.Equal([0f, 4f, 8f, 1f], matrix.Data[..4]);
        tensor.zero_();
        Assert.Equal(4f, matrix.Data[1]);
    }
}
