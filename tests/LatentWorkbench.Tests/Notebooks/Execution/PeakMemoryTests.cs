using System.Runtime.InteropServices;
using LatentWorkbench.Notebooks.Execution;

namespace LatentWorkbench.Tests.Notebooks.Execution;

/// <summary>The per-notebook peak the main job reports: it must see a spike, and a reset must forget it.</summary>
public sealed class PeakMemoryTests
{
    [SkippableFact]
    public void A_Spike_Raises_The_Peak_And_A_Reset_Forgets_It()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the resettable peak (VmHWM, /proc/self/clear_refs) is Linux's; elsewhere the lifetime peak is reported");
        const long spike = 512L << 20;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Skip.IfNot(PeakMemory.Reset(), "this kernel refuses to reset the peak (clear_refs); the runner then reports the process's lifetime peak");

        // The spike is measured from the resident size just before it: the peak right after a reset is the resident
        // size at that moment, and a large test process can shrink between the reset and the spike.
        long before = ResidentBytes();
        Touch(spike);
        var afterSpike = PeakMemory.Read(wasReset: true);
        Assert.False(afterSpike.SinceStart);
        Assert.True(afterSpike.Bytes >= before + (spike * 3 / 4), $"peak {afterSpike.Bytes >> 20} MB after a {spike >> 20} MB spike from {before >> 20} MB resident");

        Assert.True(PeakMemory.Reset());
        long afterReset = PeakMemory.Read(wasReset: true).Bytes;
        Assert.True(afterReset < afterSpike.Bytes - (spike / 2), $"peak {afterReset >> 20} MB after the reset, {afterSpike.Bytes >> 20} MB before it");
    }

    private static long ResidentBytes()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    // Native memory, written page by page so it is resident, then freed (unlike managed memory, it leaves at once).
    private static unsafe void Touch(long bytes)
    {
        byte* block = (byte*)NativeMemory.Alloc((nuint)bytes);
        try
        {
            for (long offset = 0; offset < bytes; offset += 4096)
            {
                block[offset] = 1;
            }
        }
        finally
        {
            NativeMemory.Free(block);
        }
    }
}
