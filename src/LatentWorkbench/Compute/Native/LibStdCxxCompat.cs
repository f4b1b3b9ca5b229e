using System.Runtime.InteropServices;

namespace LatentWorkbench.Compute.Native;

/// <summary>
/// The Debian 12 fix for TorchSharp 0.107's native library (<c>docs/torchsharp.md</c>):
/// <c>libLibTorchSharp.so</c> declares a need for <c>GLIBCXX_3.4.32</c> (GCC 13's libstdc++) for one
/// link-time marker symbol that nothing calls; where the system libstdc++ lacks that version, the need is
/// marked weak in the output folder's copy so the dynamic loader accepts the library.
/// </summary>
internal static partial class LibStdCxxCompat
{
    /// <summary>The library that provides the missing version.</summary>
    public const string Provider = "libstdc++.so.6";

    /// <summary>The version GCC 13's <c>&lt;iostream&gt;</c> asks for and Debian 12 (GCC 12) lacks.</summary>
    public const string Version = "GLIBCXX_3.4.32";

    /// <summary><c>std::ios_base_library_init()</c>, the one symbol at <see cref="Version"/> that the library references.</summary>
    private const string MarkerSymbol = "_ZSt21ios_base_library_initv";

    /// <summary>What <see cref="Apply"/> found and did.</summary>
    public enum Outcome
    {
        /// <summary>The file does not need that version (another TorchSharp build): left alone.</summary>
        NoSuchNeed,

        /// <summary>The need was already weak: left alone.</summary>
        AlreadyWeak,

        /// <summary>The need was marked weak and the file replaced.</summary>
        Patched,
    }

    /// <summary>Whether the libstdc++ this process loads provides <see cref="Version"/> (then nothing needs patching).</summary>
    public static bool SystemProvidesVersion()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad(Provider, out nint handle))
        {
            return true;
        }

        return DlVSym(handle, MarkerSymbol, Version) != 0;
    }

    /// <summary>
    /// Marks the <see cref="Version"/> need of <paramref name="path"/> weak, writing a new file and renaming it over
    /// the old one (so a hard link into the NuGet cache is replaced, never written through), then reads it back
    /// to verify. Idempotent.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file lies inside the NuGet package cache, or the result did not verify.</exception>
    public static Outcome Apply(string path)
    {
        string full = Path.GetFullPath(path);
        if (IsInsideNuGetCache(full))
        {
            throw new InvalidOperationException($"Refusing to patch '{full}': it is inside the NuGet package cache. Only copies in build output folders are patched.");
        }

        byte[] image = File.ReadAllBytes(full);
        var need = ElfVersionNeeds.Read(image, full).FirstOrDefault(n => n.Library == Provider && n.Version == Version);
        if (need.Library is null)
        {
            return Outcome.NoSuchNeed;
        }

        if (need.IsWeak)
        {
            return Outcome.AlreadyWeak;
        }

        ElfVersionNeeds.MarkWeak(image, Provider, Version, full);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.patch.tmp");
        try
        {
            File.WriteAllBytes(temp, image);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        bool verified = ElfVersionNeeds.Read(File.ReadAllBytes(full), full)
            .Any(n => n.Library == Provider && n.Version == Version && n.IsWeak);
        return verified
            ? Outcome.Patched
            : throw new InvalidOperationException($"Patched '{full}' but reading it back shows the {Version} need still strong.");
    }

    private static bool IsInsideNuGetCache(string fullPath)
    {
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(cache)) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, StringComparison.Ordinal);
    }

    [LibraryImport("libc.so.6", EntryPoint = "dlvsym", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlVSym(nint handle, string symbol, string version);
}
