using LatentWorkbench.Reduction;
using TorchSharp;

namespace LatentWorkbench.Tests.Reduction;

public sealed class MatrixTensorTests
{
    [Fact]
    public void AsTensor_Is_A_View_Of_The_Same_Array()
    {
        var matrix = new Matrix([1, 2, 3, 4, 5, 6], 2, 3);
        using var tensor = matrix.AsTensor();
        Assert.Equal([2L, 3L], tensor.shape);
        tensor[1, 2] = torch.tensor(60f);
        Assert.Equal(60f, matrix.Data[5]);
    }

    [Fact]
    public void FromTensor_Copies_Any_Float_Tensor_Row_Major_And_Flattens_Trailing_Dimensions()
    {
        using var tensor = torch.arange(24, dtype: torch.float64).reshape(2, 3, 4);
        var matrix = Matrix.FromTensor(tensor.transpose(1, 2));
        Assert.Equal((2, 12), (matrix.Rows, matrix.Cols));
        Assert.Equal([0f, 4f, 8f, 1f], matrix.Data[..4]);
        tensor.zero_();
        Assert.Equal(4f, matrix.Data[1]);
    }

    [Fact]
    public void A_Scalar_Is_Not_A_Matrix()
    {
        using var scalar = torch.tensor(1f);
        Assert.Throws<ArgumentException>(() => Matrix.FromTensor(scalar));
    }
}
