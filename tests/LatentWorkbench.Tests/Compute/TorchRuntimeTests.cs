using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Tests.Compute;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Torch_Initialises_In_The_Test_Host_And_Computes()
    {
        TorchRuntime.EnsureInitialized();
        using var x = torch.arange(1, 5, dtype: torch.float32).reshape(2, 2);
        using var product = x.matmul(x);
        Assert.Equal([7f, 10f, 15f, 22f], product.data<float>().ToArray());
        Assert.NotNull(TorchRuntime.NativeDirectory);
    }

    [Fact]
    public void OpenMp_Gets_A_Short_Spin_Unless_The_User_Chose()
    {
        TorchRuntime.EnsureInitialized();
        string? policy = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY"), spin = Environment.GetEnvironmentVariable("GOMP_SPINCOUNT");
        Assert.Equal($"{policy ?? "default"}, spin {spin ?? "default"}", TorchRuntime.OpenMpWaitPolicy);
        Assert.False(policy is null && spin is null, "with neither set by the user, the workbench sets both");
    }

    [Theory]
    [InlineData("auto", DeviceChoice.Auto)]
    [InlineData("CPU", DeviceChoice.Cpu)]
    [InlineData(" cuda ", DeviceChoice.Cuda)]
    public void Device_Choices_Parse(string text, DeviceChoice expected) => Assert.Equal(expected, Devices.Parse(text));

    [Fact]
    public void An_Unknown_Device_Names_The_Parameter_And_The_Choices()
    {
        var e = Assert.Throws<ArgumentException>(() => Devices.Parse("gpu", "--device"));
        Assert.Contains("--device must be auto, cpu or cuda; got 'gpu'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_Picks_Cuda_Exactly_When_Torch_Sees_It()
    {
        var device = Devices.Resolve(DeviceChoice.Auto);
        Assert.Equal(torch.cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, device.type);
        Assert.Equal(DeviceType.CPU, Devices.Resolve("cpu").type);
    }

    [Fact]
    public void Asking_For_Cuda_Without_It_Says_What_To_Do()
    {
        if (torch.cuda.is_available())
        {
            Assert.Equal(DeviceType.CUDA, Devices.Resolve(DeviceChoice.Cuda).type);
            return;
        }

        var e = Assert.Throws<InvalidOperationException>(() => Devices.Resolve(DeviceChoice.Cuda));
        Assert.Contains("-p:TorchBackend=cuda", e.Message, StringComparison.Ordinal);
    }
}
