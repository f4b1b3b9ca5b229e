using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Tests.Compute;

public sealed class TensorSpansTests
{
    public TensorSpansTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void A_Contiguous_Cpu_Tensor_Is_Read_In_Place()
    {
        using var tensor = torch.arange(12, dtype: torch.float32).reshape(3, 4);
        var span = TensorSpans.Writable(tensor);
        Assert.Equal(12, span.Length);
        span[5] = 100f;
        Assert.Equal(100f, tensor[1, 1].item<float>());
    }

    [Fact]
    public void Copy_Holds_Its_Own_Values_Not_A_View_Of_The_Array()
    {
        float[] values = [1f, 2f, 3f, 4f, 5f, 6f];
        using var tensor = TensorSpans.Copy(values, 2, 3);
        values[4] = -1f;
        Assert.Equal([2L, 3L], tensor.shape);
        Assert.Equal(5f, tensor[1, 1].item<float>());
        var error = Assert.Throws<ArgumentException>(() => TensorSpans.Copy(values, 4, 2).Dispose());
        Assert.Equal("values", error.ParamName);
    }

    [Fact]
    public void A_Row_Slice_Starts_At_Its_Own_First_Value()
    {
        using var tensor = torch.arange(12, dtype: torch.float32).reshape(3, 4);
        using var rows = tensor.narrow(0, 1, 2);
        Assert.Equal([4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f], TensorSpans.Floats(rows).ToArray());
    }

    [Fact]
    public void A_Transposed_Tensor_Is_Refused_In_Place_And_Copied_Once_By_OnHost()
    {
        using var tensor = torch.arange(6, dtype: torch.float32).reshape(2, 3);
        using var transposed = tensor.t();
        var error = Assert.Throws<ArgumentException>(() => TensorSpans.Floats(transposed).Length);
        Assert.Contains("not contiguous", error.Message, StringComparison.Ordinal);
        using var host = TensorSpans.OnHost(transposed, "points");
        Assert.Equal([0f, 3f, 1f, 4f, 2f, 5f], TensorSpans.Floats(host).ToArray());
    }

    [Fact]
    public void Another_Dtype_Is_Converted_By_OnHost_And_The_Callers_Tensor_Survives_Disposal_Of_The_Result()
    {
        using var doubles = torch.tensor(new[] { 1.5, 2.5 });
        using (var host = TensorSpans.OnHost(doubles, "values"))
        {
            Assert.Equal([1.5f, 2.5f], TensorSpans.Floats(host).ToArray());
        }

        using var floats = torch.tensor(new[] { 1f, 2f });
        using (var same = TensorSpans.OnHost(floats, "values"))
        {
            Assert.Equal([1f, 2f], TensorSpans.Floats(same).ToArray());
        }

        Assert.Equal(2f, floats[1].item<float>());
    }

    [Fact]
    public void An_Empty_Tensor_Gives_An_Empty_Span() =>
        Assert.Equal(0, TensorSpans.Floats(torch.zeros(0, 3)).Length);
}
