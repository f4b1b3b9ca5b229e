using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Tests.Compute;

public sealed class TensorArgumentsTests
{
    public TensorArgumentsTests() => TorchRuntime.EnsureInitialized();

    [Theory]
    [InlineData(new long[] { 3, 784 }, 3, 28, 28)]
    [InlineData(new long[] { 2, 4, 6 }, 2, 4, 6)]
    [InlineData(new long[] { 2, 1, 4, 6 }, 2, 4, 6)]
    public void Images_Are_Read_Flat_Square_Or_Channel_First(long[] shape, int count, int height, int width)
    {
        using var images = torch.zeros(shape);
        var (host, n, h, w) = TensorArguments.Images(images, "images");
        using (host)
        {
            Assert.Equal((count, height, width), (n, h, w));
            Assert.Equal([count, height * width], host.shape);
        }
    }

    [Fact]
    public void A_Transposed_Float64_Image_Tensor_Is_Copied_Once_Into_Row_Major_Float32()
    {
        using var doubles = torch.arange(8, dtype: torch.float64).reshape(1, 2, 4);
        using var transposed = doubles.transpose(1, 2);   // [1, 4, 2], not contiguous

        var (host, _, h, w) = TensorArguments.Images(transposed, "images");
        using (host)
        {
            Assert.Equal((4, 2), (h, w));
            Assert.Equal(torch.float32, host.dtype);
            Assert.Equal([0f, 4f, 1f, 5f, 2f, 6f, 3f, 7f], TensorSpans.Floats(host).ToArray());
        }
    }

    [Fact]
    public void A_Contiguous_Float32_Cpu_Tensor_Is_Read_In_Place()
    {
        using var points = torch.zeros(3, 2);
        using var host = TensorArguments.Points(points, "points");
        points[1, 0] = 7f;

        Assert.Equal(7f, TensorSpans.Floats(host)[2]);
    }

    [Fact]
    public void Wrong_Shapes_Name_The_Parameter_And_The_Expected_Shape()
    {
        using var threeColumns = torch.zeros(4, 3);
        using var matrix = torch.zeros(4, 2);
        using var fiveLabels = torch.zeros(5, dtype: torch.int64);
        using var floatLabels = torch.zeros(4);

        var points = Assert.Throws<ArgumentException>(() => TensorArguments.Points(threeColumns, "codes"));
        Assert.Equal("codes", points.ParamName);
        Assert.Contains("must be [N, 2]", points.Message, StringComparison.Ordinal);
        Assert.Contains("got [4, 3]", points.Message, StringComparison.Ordinal);
        var values = Assert.Throws<ArgumentException>(() => TensorArguments.Values(matrix, "colorValues", 4));
        Assert.Equal("colorValues", values.ParamName);
        Assert.Contains("must be [4]", values.Message, StringComparison.Ordinal);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => TensorArguments.Labels(fiveLabels, "labels", 4)).ParamName);
        Assert.Contains("integer tensor [4]", Assert.Throws<ArgumentException>(() => TensorArguments.Labels(floatLabels, "labels", 4)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_Of_Any_Integer_Dtype_And_Stride_Are_Read_As_Ints()
    {
        using var bytes = torch.tensor(new byte[] { 9, 0, 3, 1 });
        using var strided = torch.tensor(new long[] { 9, 8, 0, 8, 3, 8, 1, 8 }).reshape(4, 2).select(1, 0);

        Assert.Equal([9, 0, 3, 1], TensorArguments.Labels(bytes, "labels", 4));
        Assert.Equal([9, 0, 3, 1], TensorArguments.Labels(strided, "labels", 4));
    }

    [Fact]
    public void Labels_Without_A_Count_Take_Any_Length_But_Still_One_Dimension()
    {
        using var five = torch.tensor(new long[] { 4, 0, 4, 1, 2 });
        using var matrix = torch.zeros([2, 3], dtype: torch.int64);

        Assert.Equal([4, 0, 4, 1, 2], TensorArguments.Labels(five, "labels"));
        var error = Assert.Throws<ArgumentException>(() => TensorArguments.Labels(matrix, "predicted"));
        Assert.Equal("predicted", error.ParamName);
        Assert.Contains("integer tensor [N]", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_Gpu_Tensor_Is_Copied_To_The_Host()
    {
        Skip.IfNot(torch.cuda.is_available(), "no CUDA device on this machine");
        using var points = torch.arange(6, dtype: torch.float32, device: torch.CUDA).reshape(3, 2);
        using var host = TensorArguments.Points(points, "points");

        Assert.Equal(DeviceType.CPU, host.device_type);
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f], TensorSpans.Floats(host).ToArray());
    }
}
