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
    /// <exception cref="IOException">The file could not be written; the message names <paramref name="path"/>, never the temp file.</exception>
    /// <exception cref="UnauthorizedAccessException">Writing there is not allowed; the message names <paramref name="path"/>.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw NamingTarget(e, temp, full);
        }
        finally
        {
            TryDelete(temp);
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

    /// <summary>
    /// The same failure, told about the file the user asked for: the operating system's message names the
    /// temp file (<c>.name.guid.tmp</c>), which the user never heard of and which no longer exists.
    /// </summary>
    private static Exception NamingTarget(Exception e, string temp, string full)
    {
        string reason = e.Message.Replace(temp, full, StringComparison.Ordinal);
        string message = reason.Contains(full, StringComparison.Ordinal) ? reason : $"Could not write '{full}': {reason}";
        return e switch
        {
            UnauthorizedAccessException => new UnauthorizedAccessException(message, e),
            DirectoryNotFoundException => new DirectoryNotFoundException(message, e),
            _ => new IOException(message, e),
        };
    }

    private static void TryDelete(string temp)
    {
        try
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write already failed or succeeded; a leftover temp file must not hide that outcome.
        }
    }
}
