using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Data;

/// <summary>One MNIST split as two device-resident tensors: the whole split is copied once, batches are slices of it.</summary>
/// <param name="Images">Pixels in [0, 1], float32 [N, 784].</param>
/// <param name="Labels">Digits 0–9, int64 [N].</param>
public sealed record MnistSplitTensors(torch.Tensor Images, torch.Tensor Labels) : IDisposable
{
    /// <summary>
    /// <paramref name="split"/> on <paramref name="device"/>: on the CPU the images tensor is a zero-copy view of
    /// <see cref="MnistSplit.Pixels"/> (pinned while it lives); on a GPU it is the run's one host-to-device copy.
    /// </summary>
    public static MnistSplitTensors From(MnistSplit split, torch.Device device)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(device);
        TorchRuntime.EnsureInitialized();
        var view = torch.from_array(split.Pixels).reshape(split.Count, MnistSplit.PixelsPerImage);
        var images = view;
        if (device.type != DeviceType.CPU)
        {
            images = view.to(device);
            view.Dispose();
        }

        var labels = torch.tensor(split.Labels, [split.Count], dtype: torch.uint8).to(torch.int64).to(device);
        return new MnistSplitTensors(images, labels);
    }

    /// <summary>Number of examples.</summary>
    public long Count => Images.shape[0];

    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
