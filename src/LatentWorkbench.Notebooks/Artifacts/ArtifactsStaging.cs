using System.Globalization;
using LatentWorkbench.Notebooks.Figures;

namespace LatentWorkbench.Notebooks.Artifacts;

/// <summary>
/// A run's output folder, replaced only when the run succeeds: the run writes into a fresh staging folder beside
/// the output (<c>OUT.staging-TIME</c>); <see cref="Commit"/> swaps it in, <see cref="KeepAsFailed"/> leaves it
/// beside the untouched output as <c>OUT.failed-TIME</c>, and <see cref="Discard"/> (cancellation, bad input)
/// deletes it. Readers of the output never see a half-written run or an index that links files of another run.
/// </summary>
/// <remarks>
/// The swap is two directory renames (output → <c>OUT.replaced-TIME</c>, staging → output), each atomic on one
/// file system; between them, for a moment, the output folder does not exist, and a crash there leaves the previous
/// run in <c>OUT.replaced-TIME</c>. (Linux's <c>renameat2(RENAME_EXCHANGE)</c> would close that window; .NET has no
/// portable call for it.)
/// </remarks>
public sealed class ArtifactsStaging
{
    private ArtifactsStaging(string outputDirectory, string directory)
    {
        OutputDirectory = outputDirectory;
        Directory = directory;
    }

    /// <summary>The folder that holds the last successful run.</summary>
    public string OutputDirectory { get; }

    /// <summary>The staging folder this run writes into.</summary>
    public string Directory { get; }

    /// <summary>Creates the staging folder for <paramref name="outputDirectory"/>.</summary>
    /// <param name="outputDirectory">The output folder (need not exist).</param>
    /// <param name="keep">
    /// Files and folders of the current output (relative paths, <c>/</c>-separated) to copy into the staging folder
    /// first, so a run of some notebooks keeps the others' results; null copies nothing (the run replaces everything).
    /// </param>
    public static ArtifactsStaging Begin(string outputDirectory, Func<string, bool>? keep = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        string output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        string staging = Beside(output, "staging");
        System.IO.Directory.CreateDirectory(staging);
        if (keep is not null && System.IO.Directory.Exists(output))
        {
            CopyKept(output, staging, keep);
        }

        return new ArtifactsStaging(output, staging);
    }

    /// <summary>
    /// What a run of the notebooks named <paramref name="stems"/> copies from the current output (for <see cref="Begin"/>):
    /// everything except what it rewrites — its notebooks' executed copies and figures, the index and the metrics, which
    /// are rebuilt from what the folder then holds.
    /// </summary>
    public static Func<string, bool> ResultsOfOtherNotebooks(IReadOnlySet<string> stems)
    {
        ArgumentNullException.ThrowIfNull(stems);
        return relative =>
        {
            if (relative is ArtifactsIndex.FileName or MetricsFile.FileName)
            {
                return false;
            }

            if (relative.EndsWith(".ipynb", StringComparison.Ordinal) && !relative.Contains('/', StringComparison.Ordinal))
            {
                return !stems.Contains(Path.GetFileNameWithoutExtension(relative));
            }

            string[] parts = relative.Split('/');
            return !(parts.Length >= 2 && parts[0] == "figures" && stems.Contains(parts[1]));
        };
    }

    /// <summary>Replaces the output folder with the staging folder; returns the output folder.</summary>
    public string Commit()
    {
        if (!System.IO.Directory.Exists(OutputDirectory))
        {
            System.IO.Directory.Move(Directory, OutputDirectory);
            return OutputDirectory;
        }

        string replaced = Beside(OutputDirectory, "replaced");
        System.IO.Directory.Move(OutputDirectory, replaced);
        System.IO.Directory.Move(Directory, OutputDirectory);
        TryDelete(replaced);
        return OutputDirectory;
    }

    /// <summary>Keeps the staging folder beside the untouched output as <c>OUT.failed-TIME</c>; returns its path.</summary>
    public string KeepAsFailed()
    {
        string failed = Beside(OutputDirectory, "failed");
        System.IO.Directory.Move(Directory, failed);
        return failed;
    }

    /// <summary>Deletes the staging folder (the output stays as it was).</summary>
    public void Discard() => TryDelete(Directory);

    // OUT.KIND-20261201T191500Z (with -2, -3... when two runs start in the same second).
    private static string Beside(string output, string kind)
    {
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string candidate = $"{output}.{kind}-{stamp}";
        for (int n = 2; System.IO.Directory.Exists(candidate) || File.Exists(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{output}.{kind}-{stamp}-{n}");
        }

        return candidate;
    }

    private static void CopyKept(string from, string to, Func<string, bool> keep)
    {
        foreach (string entry in System.IO.Directory.EnumerateFileSystemEntries(from))
        {
            string relative = Path.GetRelativePath(from, entry).Replace('\\', '/');
            if (!keep(relative))
            {
                continue;
            }

            string target = Path.Combine(to, Path.GetFileName(entry));
            if (System.IO.Directory.Exists(entry))
            {
                System.IO.Directory.CreateDirectory(target);
                CopyKept(entry, target, p => keep(relative + "/" + p));
            }
            else
            {
                File.Copy(entry, target);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left behind for the user to remove; the output folder itself is already right.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
