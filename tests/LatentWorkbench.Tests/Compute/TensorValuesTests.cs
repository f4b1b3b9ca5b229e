using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Tests.Compute;

public sealed class TensorValuesTests
{
    [Fact]
    public void A_Strided_Float32_View_Is_Read_Row_Major_As_Exact_Doubles()
    {
        using var matrix = torch.tensor(new[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f }, [2, 3]);
        using var transposed = matrix.t();   // [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]], not contiguous

        Assert.Equal([0.1f, 0.4f, 0.2f, 0.5f, 0.3f, 0.6f], TensorValues.Doubles(transposed).Select(v => (float)v));
        Assert.Equal((double)0.1f, TensorValues.Doubles(transposed)[0]);   // widened, not re-rounded
        Assert.Equal(torch.float32, transposed.dtype);   // the caller's tensor is untouched
    }

    [Fact]
    public void Integer_Tensors_Of_Any_Width_Are_Read_As_Longs()
    {
        using var bytes = torch.tensor(new byte[] { 7, 0, 255 });
        using var ints = torch.tensor(new[] { -3, 4 });

        Assert.Equal([7L, 0, 255], TensorValues.Longs(bytes));
        Assert.Equal([-3L, 4], TensorValues.Longs(ints));
    }

    [Fact]
    public void A_Float64_Vector_Comes_Back_Bit_For_Bit()
    {
        double[] values = [Math.PI, -0.0, double.Epsilon, 1e300];
        using var vector = torch.tensor(values);

        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), TensorValues.Doubles(vector).Select(BitConverter.DoubleToInt64Bits));
    }
}
