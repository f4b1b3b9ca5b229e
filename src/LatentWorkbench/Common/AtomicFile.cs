namespace LatentWorkbench.Common;

/// <summary>
/// The one way the workbench writes files: into a uniquely named temp file in the same folder, flushed to
/// disk, then renamed over the target, so readers never see half a file and a failed write leaves the old
/// file intact. Checkpoints, figures, executed notebooks and CLI result files all go through it.
/// </summary>
public static class AtomicFile
{
    /// <summary>Calls <paramref name="write"/> on a temp stream, flushes it to disk, then renames it over <paramref name="path"/> (creating its folder).</summary>
    /// <remarks><paramref name="write"/> must leave the stream open (e.g. <c>new StreamWriter(stream, ..., leaveOpen: true)</c>): it is flushed after the callback.</remarks>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes <paramref name="bytes"/> atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(path, s => s.Write(bytes));
    }

    /// <summary>Writes UTF-8 text (no byte-order mark) atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));
}
