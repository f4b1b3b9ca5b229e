using System.CommandLine;
using LatentWorkbench.Compute;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>--device</c> and <c>--threads</c>, shared by every command that runs torch models.</summary>
internal sealed class CommonTorchOptions
{
    public Option<string> Device { get; } = new("--device")
    {
        Description = "auto (CUDA when available), cpu or cuda.",
        DefaultValueFactory = _ => "auto",
    };

    public Option<int?> Threads { get; } = new("--threads") { Description = "Threads for torch's CPU kernels (default: libtorch's, one per core)." };

    /// <summary>Sets the thread count if given and returns the parsed device choice.</summary>
    public DeviceChoice Apply(ParseResult parse)
    {
        var choice = Devices.Parse(parse.GetValue(Device) ?? "auto", "--device");
        if (parse.GetValue(Threads) is { } threads)
        {
            TorchRuntime.Threads = threads;
        }

        return choice;
    }
}
