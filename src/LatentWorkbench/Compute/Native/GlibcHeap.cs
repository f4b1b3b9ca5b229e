using System.Runtime.InteropServices;

namespace LatentWorkbench.Compute.Native;

/// <summary>
/// Fixes glibc's heap thresholds for libtorch's allocation pattern: tensor buffers of up to 32 MB come from the heap and
/// freed ones stay there for the next step, instead of glibc moving its thresholds as it sees fit.
/// </summary>
/// <remarks>
/// <para>
/// By default glibc serves a block of 128 kB or more with its own <c>mmap</c> until such a block is freed, then raises
/// that threshold to the freed size (up to 32 MB) and trims the heap's top whenever twice that much is free there.
/// A training step allocates and frees the same few megabytes of activations and gradients, so the heap top is
/// trimmed after a step and faulted in again by the next one. With the native scalars released every few steps
/// (<see cref="NativeScalars"/>) the top is free more often, and the seed VAE's epoch went from 2.7 s to 4.5–5.1 s on
/// this project's 2-core machine. Fixing the thresholds (<c>mallopt</c>, which also stops their adjustment) keeps
/// the freed blocks in the heap: 2.6–2.9 s an epoch with a flat 470 MB working set (docs/engine.md, "Memory").
/// A fixed mmap threshold of 128 kB instead (every buffer its own mapping) measured 13 s an epoch.
/// </para>
/// <para>
/// A user who sets <c>MALLOC_MMAP_THRESHOLD_</c> or <c>MALLOC_TRIM_THRESHOLD_</c> keeps their values. Outside glibc
/// (macOS, Windows, musl without these options) nothing is changed.
/// </para>
/// </remarks>
internal static partial class GlibcHeap
{
    /// <summary>Blocks this large or larger get their own mapping (glibc's largest automatic value on 64-bit).</summary>
    public const int MmapThresholdBytes = 32 * 1024 * 1024;

    /// <summary>
    /// Free memory at the top of a heap beyond this is returned to the system: far above a training step's few megabytes
    /// of churn, and small enough that the C library's heaps (one per thread that allocates, up to 8 per core) do not
    /// hold gigabytes between notebook cells (256 MB measured 4.1 GB peak in notebook 04, 64 MB 3.4 GB).
    /// </summary>
    public const int TrimThresholdBytes = 64 * 1024 * 1024;

    // mallopt parameter numbers from glibc's malloc.h.
    private const int MallocTrimThreshold = -1;
    private const int MallocMmapThreshold = -3;

    /// <summary>Applies the thresholds unless the user set either; returns what is in force, e.g. <c>glibc mmap ≥ 32 MB, trim > 64 MB</c>.</summary>
    public static string Configure()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "system default";
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_")))
        {
            return "glibc, as set in MALLOC_*_ variables";
        }

        try
        {
            // mallopt returns 1 on success and 0 for an option the C library does not know.
            bool applied = MallOpt(MallocMmapThreshold, MmapThresholdBytes) == 1 & MallOpt(MallocTrimThreshold, TrimThresholdBytes) == 1;
            return applied ? $"glibc mmap ≥ {MmapThresholdBytes >> 20} MB, trim > {TrimThresholdBytes >> 20} MB" : "C library default (mallopt refused)";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return "C library default (no glibc)";
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
