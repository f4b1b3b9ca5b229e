using System.Security.Cryptography;

namespace LatentWorkbench.Data;

/// <summary>Checks MNIST files against their published size and SHA-256, hashing only files that changed.</summary>
/// <remarks>
/// Every load goes through <see cref="EnsureVerified"/>: a file whose bytes were overwritten, even with its size
/// unchanged, is refused with the file named and the fix (<c>workbench data fetch</c>). The hashes are
/// remembered in <see cref="VerifiedFileCache"/>, so loading unchanged files costs a few file-system lookups.
/// </remarks>
public static class MnistVerification
{
    /// <summary>
    /// The command that replaces missing or corrupt files, spelled as it runs from the repository's root (the
    /// <c>workbench</c> tool is not on a user's PATH).
    /// </summary>
    public const string FetchCommand = "dotnet run --project src/LatentWorkbench.Cli -c Release -- data fetch";

    /// <summary>Checks each of <paramref name="files"/> in <paramref name="directory"/>; throws on the first that is not the published file.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist; the message says how to fetch the data or point to another folder.</exception>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file has the wrong size or SHA-256; the message names it and says how to replace it.</exception>
    public static void EnsureVerified(string directory, IEnumerable<MnistFile> files)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(files);
        string full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException(
                $"The MNIST folder '{full}' does not exist. Fetch the data with `{FetchCommand}` (add `--dir <folder>` to put it elsewhere), "
                + $"or point to a folder that holds the four files: the CLI's `--dir <folder>` option or the {DataPaths.MnistDirectoryVariable} environment variable.");
        }

        var cache = VerifiedFileCache.Open(full);
        try
        {
            foreach (var file in files)
            {
                var status = Inspect(file, Path.Combine(full, file.Name), cache);
                string path = Path.Combine(full, file.Name);
                switch (status.State)
                {
                    case MnistFileState.Missing:
                        throw new FileNotFoundException($"MNIST file '{path}' does not exist. Run `{FetchCommand}` to download it.", path);
                    case MnistFileState.Corrupt:
                        throw new InvalidDataException(
                            $"MNIST file '{path}' is corrupt: {status.Detail}. Run `{FetchCommand}` to replace it with a verified copy.");
                }
            }
        }
        finally
        {
            cache.Save();
        }
    }

    /// <summary>The state of one file at <paramref name="path"/> by size and SHA-256, using and updating <paramref name="cache"/>.</summary>
    internal static MnistFileStatus Inspect(MnistFile file, string path, VerifiedFileCache cache)
    {
        ArgumentNullException.ThrowIfNull(file);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            cache.Forget(info.Name);
            return new MnistFileStatus(file, MnistFileState.Missing, string.Empty);
        }

        if (info.Length != file.Bytes)
        {
            cache.Forget(info.Name);
            return new MnistFileStatus(file, MnistFileState.Corrupt, $"it is {info.Length} bytes, expected {file.Bytes}");
        }

        if (cache.IsVerified(info, file.Sha256))
        {
            return new MnistFileStatus(file, MnistFileState.Verified, string.Empty);
        }

        string sha = Sha256Of(path);
        if (sha != file.Sha256)
        {
            cache.Forget(info.Name);
            return new MnistFileStatus(file, MnistFileState.Corrupt, $"its SHA-256 is {sha}, expected {file.Sha256} (the size is right, so bytes were changed)");
        }

        cache.Remember(info, sha);
        return new MnistFileStatus(file, MnistFileState.Verified, string.Empty);
    }

    /// <summary>Lower-case hexadecimal SHA-256 of a file.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
