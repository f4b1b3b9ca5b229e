using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using LatentWorkbench.Data;

namespace LatentWorkbench.Figures.Plotly;

/// <summary>
/// plotly.js for pages that must draw offline: a verified copy of <c>plotly.min.js</c> from the npm package
/// <see cref="PackageSpec"/>, fetched once with <c>npm pack</c> and cached under <c>data/cache/</c>; exported pages
/// reference one copy written beside them (<see cref="CopyInto"/>) rather than embedding 4.8 MB each.
/// </summary>
/// <remarks>
/// Same pattern as the MNIST fetcher: download into a scratch folder, check size and SHA-256, then rename
/// into place, so a half-written or tampered file is never used. Set <c>LATENTWORKBENCH_PLOTLY_JS</c> to a
/// plotly.min.js to use instead (not verified). Notebook outputs load the same version from the CDN when the page has no plotly.js yet.
/// </remarks>
public static class PlotlyJs
{
    /// <summary>The plotly.js version used everywhere.</summary>
    public const string Version = "4.1.2";

    /// <summary>The npm package holding the minified bundle.</summary>
    public const string PackageSpec = "plotly.js-dist-min@" + Version;

    /// <summary>The CDN address notebooks load plotly.js from.</summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-" + Version + ".min.js";

    /// <summary>The environment variable naming a plotly.min.js to embed instead of the cached copy.</summary>
    public const string OverrideVariable = "LATENTWORKBENCH_PLOTLY_JS";

    private const long ExpectedBytes = 4_834_409;
    private const string ExpectedSha256 = "2f645d1bade8182fce161b7f10f89402f8b315805250ff4a94672a28d23c390a";

    private static readonly Lock Gate = new();
    private static LocalCopy? _cached;

    /// <summary>Where the verified copy is cached.</summary>
    public static string CachePath
    {
        get
        {
            string root = DataPaths.FindRepositoryRoot() ?? DataPaths.FindRepositoryRoot(AppContext.BaseDirectory)
                ?? Path.Combine(Path.GetTempPath(), "latentworkbench");
            return Path.Combine(root, "data", "cache", "plotly.js-dist-min-" + Version, "plotly.min.js");
        }
    }

    /// <summary>The file name pages reference, written once per output folder.</summary>
    public const string FileName = "plotly.min.js";

    /// <summary>Copies the verified plotly.min.js into <paramref name="folder"/> (once: an existing copy of the right size is kept); returns its file name.</summary>
    /// <exception cref="InvalidOperationException">No local copy could be had (the message says why: npm missing, offline, failed verification).</exception>
    public static string CopyInto(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var local = TryGetLocal();
        if (local.Path is not { } source)
        {
            throw new InvalidOperationException($"Offline HTML needs plotly.js, which could not be had: {local.Failure}. Set {OverrideVariable} to a plotly.min.js, or run once with npm and network.");
        }

        string destination = System.IO.Path.Combine(System.IO.Path.GetFullPath(folder), FileName);
        var existing = new FileInfo(destination);
        if (!existing.Exists || existing.Length != new FileInfo(source).Length)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            Common.AtomicFile.WriteAllBytes(destination, File.ReadAllBytes(source));
        }

        return FileName;
    }

    /// <summary>A verified local copy of plotly.min.js, fetching it if needed; or why there is none.</summary>
    /// <remarks>A failure is remembered for the rest of the process so a missing npm costs one attempt.</remarks>
    public static LocalCopy TryGetLocal()
    {
        lock (Gate)
        {
            if (_cached is { } known)
            {
                return known;
            }

            _cached = Load();
            return _cached;
        }
    }

    private static LocalCopy Load()
    {
        string? overridePath = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            return File.Exists(overridePath)
                ? new LocalCopy(overridePath, null)
                : new LocalCopy(null, $"{OverrideVariable} names '{overridePath}', which does not exist");
        }

        string path = CachePath;
        if (IsVerified(path))
        {
            return new LocalCopy(path, null);
        }

        try
        {
            Fetch(path);
            return new LocalCopy(path, null);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return new LocalCopy(null, $"npm pack {PackageSpec} failed: {e.Message}");
        }
    }

    private static bool IsVerified(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != ExpectedBytes)
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream)) == ExpectedSha256;
    }

    private static void Fetch(string destination)
    {
        string folder = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(folder);
        string scratch = Path.Combine(folder, ".fetch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            RunNpmPack(scratch);
            string tarball = Directory.EnumerateFiles(scratch, "*.tgz").FirstOrDefault()
                ?? throw new InvalidOperationException("npm pack wrote no .tgz file");
            string extracted = Path.Combine(scratch, "plotly.min.js");
            using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
            using (var tar = new TarReader(gzip))
            {
                while (tar.GetNextEntry() is { } entry)
                {
                    if (entry.Name == "package/plotly.min.js" && entry.DataStream is not null)
                    {
                        using var output = File.Create(extracted);
                        entry.DataStream.CopyTo(output);
                    }
                }
            }

            if (!IsVerified(extracted))
            {
                throw new InvalidOperationException($"package/plotly.min.js is missing from the tarball or fails verification (expected {ExpectedBytes} bytes, SHA-256 {ExpectedSha256})");
            }

            File.Move(extracted, destination, overwrite: true);
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A leftover scratch folder is harmless: only the verified file is ever read.
            }
        }
    }

    private static void RunNpmPack(string workingDirectory)
    {
        var start = new ProcessStartInfo("npm", ["pack", PackageSpec, "--silent"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("npm pack did not finish within 5 minutes");
        }

        if (process.ExitCode != 0)
        {
            string error = stderr.GetAwaiter().GetResult().Trim();
            throw new InvalidOperationException($"npm pack exited with code {process.ExitCode}: {error.Split('\n')[0]}");
        }
    }

    /// <summary>Where a usable plotly.min.js is (null when unavailable), or the reason it is unavailable.</summary>
    /// <param name="Path">The file.</param>
    /// <param name="Failure">Why no local copy could be had (null on success).</param>
    public sealed record LocalCopy(string? Path, string? Failure);
}
