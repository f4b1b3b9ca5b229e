namespace LatentWorkbench.Tests.TestUtilities;

/// <summary>Where TorchSharp's native library sits in the NuGet cache (read only: tests patch copies of it).</summary>
internal static class TorchSharpNatives
{
    /// <summary>The TorchSharp version the projects restore (Directory.Packages.props).</summary>
    public const string Version = "0.107.0";

    /// <summary>The package's own <c>libLibTorchSharp.so</c>.</summary>
    public static string PackageCopy
    {
        get
        {
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string path = Path.Combine(cache, "torchsharp", Version, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
            return File.Exists(path) ? path : throw new FileNotFoundException($"TorchSharp's native library is not in the NuGet cache at '{path}'; run dotnet restore.", path);
        }
    }
}
