using System.Runtime.InteropServices;
using LatentWorkbench.Compute.Native;
using TorchSharp;

namespace LatentWorkbench.Compute;

/// <summary>
/// Loads libtorch once per process, applying the Debian 12 fix first where it is needed
/// (<c>docs/torchsharp.md</c>), and owns the one thread setting for torch's CPU kernels.
/// </summary>
/// <remarks>
/// Every entry point of the library that creates tensors calls <see cref="EnsureInitialized"/> (it is cheap
/// after the first call): <see cref="Devices.Resolve(DeviceChoice)"/>, the models, the data splits. A notebook
/// does it in its first cells by resolving its <c>device</c> parameter. In a script host (the notebook kernel)
/// there is no deps.json for the referenced folder, so TorchSharp would look for its natives beside
/// <c>TorchSharp.dll</c> and then copy fresh, unpatched ones from the NuGet cache; loading the patched copies
/// from <c>runtimes/linux-x64/native</c> first by full path makes its by-name load find them (the dynamic loader
/// matches an already loaded library by its soname).
/// </remarks>
public static class TorchRuntime
{
    private const string NativeRelativeFolder = "runtimes/linux-x64/native";
    private const string TorchSharpNative = "libLibTorchSharp.so";
    private static readonly Lock Gate = new();
    private static bool _initialized;

    /// <summary>The folder libtorch's natives were found in (after <see cref="EnsureInitialized"/>), or null.</summary>
    public static string? NativeDirectory { get; private set; }

    /// <summary>What the Debian 12 fix did, one line per native file it looked at (after <see cref="EnsureInitialized"/>).</summary>
    public static IReadOnlyList<string> FixLog { get; private set; } = [];

    /// <summary>The OpenMP wait policy and spin count libtorch runs with (e.g. <c>PASSIVE, spin 30000</c>, unless the user set <c>OMP_WAIT_POLICY</c> or <c>GOMP_SPINCOUNT</c>; see <c>docs/torchsharp.md</c>).</summary>
    public static string? OpenMpWaitPolicy { get; private set; }

    /// <summary>How the C library's heap is set up for tensor buffers (e.g. <c>glibc mmap ≥ 32 MB, trim &gt; 64 MB</c>; see <c>docs/engine.md</c>, "Memory").</summary>
    public static string? HeapPolicy { get; private set; }

    /// <summary>Loads libtorch (fixing its native library where needed) or throws <see cref="TorchUnavailableException"/>.</summary>
    public static void EnsureInitialized()
    {
        if (Volatile.Read(ref _initialized))
        {
            return;
        }

        lock (Gate)
        {
            if (_initialized)
            {
                return;
            }

            OpenMpWaitPolicy = OpenMpEnvironment.EnsureWaitPolicy();
            HeapPolicy = GlibcHeap.Configure();
            string? preload = PrepareNatives();
            try
            {
                if (preload is not null)
                {
                    NativeLibrary.Load(Path.Combine(preload, "libtorch_cpu.so"));
                    NativeLibrary.Load(Path.Combine(preload, TorchSharpNative));
                }

                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception e) when (e is DllNotFoundException or NotSupportedException or TypeInitializationException or BadImageFormatException or InvalidOperationException)
            {
                throw new TorchUnavailableException(Explain(e), e);
            }

            _initialized = true;
        }
    }

    /// <summary>Threads torch's CPU kernels use within one op (<c>torch.set_num_threads</c>); the one place that sets it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int Threads
    {
        get
        {
            EnsureInitialized();
            return torch.get_num_threads();
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            EnsureInitialized();
            torch.set_num_threads(value);
        }
    }

    /// <summary>Patches every copy of the native library TorchSharp may load; returns a folder to preload from, or null.</summary>
    private static string? PrepareNatives()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return null;
        }

        string torchDirectory = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? AppContext.BaseDirectory;
        string[] folders =
        [
            Path.Combine(AppContext.BaseDirectory, NativeRelativeFolder),
            Path.Combine(torchDirectory, NativeRelativeFolder),
            torchDirectory,
        ];
        bool needsFix = !LibStdCxxCompat.SystemProvidesVersion();
        var log = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string folder in folders)
        {
            string file = Path.GetFullPath(Path.Combine(folder, TorchSharpNative));
            if (!File.Exists(file) || !seen.Add(ResolveLink(file)))
            {
                continue;
            }

            NativeDirectory ??= Path.GetDirectoryName(file);
            if (needsFix)
            {
                var outcome = LibStdCxxCompat.Apply(ResolveLink(file));
                log.Add($"{file}: {outcome}");
            }
        }

        FixLog = needsFix ? log : [$"system {LibStdCxxCompat.Provider} provides {LibStdCxxCompat.Version}: no fix needed"];

        // A host without a deps.json for TorchSharp (a notebook kernel) probes only TorchSharp.dll's folder.
        bool hostResolvesNatives = string.Equals(
            Path.TrimEndingDirectorySeparator(torchDirectory),
            Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory),
            StringComparison.Ordinal);
        string nested = Path.Combine(torchDirectory, NativeRelativeFolder);
        return !hostResolvesNatives && !File.Exists(Path.Combine(torchDirectory, TorchSharpNative)) && File.Exists(Path.Combine(nested, TorchSharpNative))
            ? nested
            : null;
    }

    private static string ResolveLink(string file) =>
        new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file;

    private static string Explain(Exception e)
    {
        string detail = e.InnerException?.Message ?? e.Message;
        int firstLine = detail.IndexOf('\n', StringComparison.Ordinal);
        string reason = firstLine > 0 && detail.Contains(LibStdCxxCompat.Version, StringComparison.Ordinal) ? detail : detail[..(firstLine > 0 ? firstLine : detail.Length)];
        return $"libtorch could not be loaded: {reason.Trim()}\n" +
            $"Native folder: {NativeDirectory ?? "(none found beside TorchSharp.dll or in runtimes/linux-x64/native)"}; fix applied: {string.Join("; ", FixLog)}.\n" +
            "What to do: build with 'dotnet build -c Release' so the natives are in the output folder; on Linux, a distribution whose " +
            $"libstdc++ provides {LibStdCxxCompat.Version} (GCC 13+: Ubuntu 24.04, Debian 13) needs no fix, and on Debian 12 the fix " +
            "needs write access to the output folder. docs/torchsharp.md explains.";
    }
}
