using LatentWorkbench.Compute.Native;

// Usage: LatentWorkbench.NativeFix OUTPUT_FOLDER...
// For each folder, fixes libLibTorchSharp.so beside the assemblies and under runtimes/linux-x64/native.
// Exit code 1 when a file could not be fixed (the build fails with the reason), 0 otherwise.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: LatentWorkbench.NativeFix OUTPUT_FOLDER...");
    return 2;
}

if (!OperatingSystem.IsLinux() || LibStdCxxCompat.SystemProvidesVersion())
{
    return 0;
}

int failures = 0;
foreach (string folder in args)
{
    foreach (string file in new[] { Path.Combine(folder, "libLibTorchSharp.so"), Path.Combine(folder, "runtimes", "linux-x64", "native", "libLibTorchSharp.so") })
    {
        if (!File.Exists(file))
        {
            continue;
        }

        try
        {
            var outcome = LibStdCxxCompat.Apply(file);
            if (outcome == LibStdCxxCompat.Outcome.Patched)
            {
                Console.WriteLine($"LatentWorkbench.NativeFix: {Path.GetFullPath(file)}: {LibStdCxxCompat.Version} need marked weak (system libstdc++ lacks it)");
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: LatentWorkbench.NativeFix: {file}: {e.Message}");
            failures++;
        }
    }
}

return failures == 0 ? 0 : 1;
