using TorchSharp;

namespace LatentWorkbench.Compute;

/// <summary>The one device decision of the workbench: <c>auto|cpu|cuda</c> to a torch device.</summary>
public static class Devices
{
    /// <summary>Parses <c>auto</c>, <c>cpu</c> or <c>cuda</c> (any case).</summary>
    /// <exception cref="ArgumentException">Any other text; the message lists the choices.</exception>
    public static DeviceChoice Parse(string text, string parameterName = "device")
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "auto" => DeviceChoice.Auto,
            "cpu" => DeviceChoice.Cpu,
            "cuda" => DeviceChoice.Cuda,
            _ => throw new ArgumentException($"{parameterName} must be auto, cpu or cuda; got '{text}'.", parameterName),
        };
    }

    /// <summary>Parses <paramref name="text"/> (see <see cref="Parse"/>) and resolves it.</summary>
    public static torch.Device Resolve(string text) => Resolve(Parse(text));

    /// <summary>The torch device for <paramref name="choice"/>, loading libtorch first.</summary>
    /// <exception cref="InvalidOperationException"><see cref="DeviceChoice.Cuda"/> where no CUDA device is available.</exception>
    public static torch.Device Resolve(DeviceChoice choice)
    {
        TorchRuntime.EnsureInitialized();
        return choice switch
        {
            DeviceChoice.Cpu => torch.CPU,
            DeviceChoice.Cuda when torch.cuda.is_available() => torch.CUDA,
            DeviceChoice.Cuda => throw new InvalidOperationException(
                "device = cuda, but torch.cuda.is_available() is false: this build uses the CPU backend (TorchSharp-cpu) or no NVIDIA GPU is visible. " +
                "Build with -p:TorchBackend=cuda on a machine with a GPU, or use device = auto or cpu."),
            _ => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
        };
    }
}
