namespace LatentWorkbench.Training;

/// <summary>Writes files through a temporary file in the same folder and a rename, so readers never see half a file.</summary>
public static class AtomicFile
{
    /// <summary>Calls <paramref name="write"/> on a temp stream, flushes it to disk, then renames it over <paramref name="path"/>.</summary>
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

    /// <summary>Writes UTF-8 text atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, s => s.Write(System.Text.Encoding.UTF8.GetBytes(text)));
}
