namespace LatentWorkbench.Compute;

/// <summary>Where models and data live: the CLI's <c>--device</c>, the notebooks' <c>device</c> parameter.</summary>
public enum DeviceChoice
{
    /// <summary>CUDA when <c>torch.cuda.is_available()</c>, else the CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>The first CUDA device; an error where none is available.</summary>
    Cuda,
}
