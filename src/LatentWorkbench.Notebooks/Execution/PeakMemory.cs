using System.Diagnostics;
using System.Globalization;

namespace LatentWorkbench.Notebooks.Execution;

/// <summary>The process's peak resident memory over one notebook run, so the main job reports it per notebook.</summary>
/// <remarks>
/// Linux keeps the peak (VmHWM in <c>/proc/self/status</c>) for the whole process; writing 5 to
/// <c>/proc/self/clear_refs</c> resets it to the current resident size, so a peak read after a notebook covers that
/// notebook alone (plus what the process already held: libtorch, earlier kernels' leftovers). Elsewhere, or where
/// the reset is refused, the process's lifetime peak is reported and <see cref="Measurement.SinceStart"/> says so.
/// </remarks>
internal static class PeakMemory
{
    /// <summary>A peak and what it covers.</summary>
    /// <param name="Bytes">Peak resident bytes.</param>
    /// <param name="SinceStart">True when the peak could not be reset, so it covers the whole process so far.</param>
    internal readonly record struct Measurement(long Bytes, bool SinceStart);

    /// <summary>Starts a measurement: resets the kernel's peak counter when it can; returns whether it did.</summary>
    public static bool Reset()
    {
        try
        {
            if (!OperatingSystem.IsLinux())
            {
                return false;
            }

            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The peak since <see cref="Reset"/> (when it returned true) or since the process started.</summary>
    public static Measurement Read(bool wasReset)
    {
        if (OperatingSystem.IsLinux() && VmHwmBytes() is { } bytes)
        {
            return new Measurement(bytes, !wasReset);
        }

        using var process = Process.GetCurrentProcess();
        return new Measurement(process.PeakWorkingSet64, SinceStart: true);
    }

    private static long? VmHwmBytes()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                // "VmHWM:    123456 kB"
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }

        return null;
    }
}
