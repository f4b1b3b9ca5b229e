using System.Text.Json;
using System.Text.Json.Serialization;
using LatentWorkbench.Common;

namespace LatentWorkbench.Data;

/// <summary>
/// Remembers which data files were found to have their expected SHA-256, keyed by size and last-write time,
/// in a small JSON file beside them (<see cref="FileName"/>), so an unchanged file is not hashed again.
/// </summary>
/// <remarks>
/// A file counts as verified without hashing only when its length, last-write time (UTC ticks) and expected
/// hash all equal what was recorded when it was last hashed. Overwriting bytes changes the last-write time,
/// so a same-size corruption is hashed, and caught, on the next load. What it cannot catch: a change made with
/// the old timestamp restored on purpose (delete the cache file to force a full check). The cache is written
/// through a temp file and a rename; a folder the user cannot write to just means hashing on every load, and an
/// unreadable cache file counts as empty.
/// </remarks>
internal sealed class VerifiedFileCache
{
    /// <summary>The cache's file name inside the data folder.</summary>
    public const string FileName = ".verified-sha256.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    private readonly string _path;
    private readonly Dictionary<string, Entry> _entries;
    private bool _changed;

    private VerifiedFileCache(string path, Dictionary<string, Entry> entries)
    {
        _path = path;
        _entries = entries;
    }

    /// <summary>The cache of <paramref name="directory"/> (empty when there is none or it cannot be read).</summary>
    public static VerifiedFileCache Open(string directory)
    {
        string path = Path.Combine(directory, FileName);
        Dictionary<string, Entry>? entries = null;
        try
        {
            if (File.Exists(path))
            {
                entries = JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllText(path), Json);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // A damaged or unreadable cache only costs a hash; it is rewritten below.
        }

        return new VerifiedFileCache(path, entries ?? new Dictionary<string, Entry>(StringComparer.Ordinal));
    }

    /// <summary>True when <paramref name="info"/> was hashed to <paramref name="sha256"/> and has not changed since.</summary>
    public bool IsVerified(FileInfo info, string sha256) =>
        _entries.TryGetValue(info.Name, out var entry)
        && entry.Bytes == info.Length && entry.LastWriteUtcTicks == info.LastWriteTimeUtc.Ticks
        && string.Equals(entry.Sha256, sha256, StringComparison.Ordinal);

    /// <summary>Records that <paramref name="info"/> hashed to <paramref name="sha256"/>, as it is now.</summary>
    public void Remember(FileInfo info, string sha256)
    {
        _entries[info.Name] = new Entry(info.Length, info.LastWriteTimeUtc.Ticks, sha256);
        _changed = true;
    }

    /// <summary>Drops what was known about <paramref name="name"/> (it failed verification or is gone).</summary>
    public void Forget(string name) => _changed |= _entries.Remove(name);

    /// <summary>Writes the cache back when it changed; a folder that cannot be written is left alone.</summary>
    public void Save()
    {
        if (!_changed)
        {
            return;
        }

        try
        {
            AtomicFile.WriteAllText(_path, JsonSerializer.Serialize(new SortedDictionary<string, Entry>(_entries, StringComparer.Ordinal), Json) + "\n");
            _changed = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only data folders are fine: verification simply hashes again next time.
        }
    }

    /// <summary>One verified file as it was when hashed.</summary>
    /// <param name="Bytes">Its length.</param>
    /// <param name="LastWriteUtcTicks">Its last-write time, UTC ticks.</param>
    /// <param name="Sha256">The hash it had (lower-case hexadecimal).</param>
    internal sealed record Entry(long Bytes, long LastWriteUtcTicks, string Sha256);
}
