using System.Text;

namespace LatentWorkbench.Notebooks.Model;

/// <summary>Writes files through a temp file and a rename, so readers never see half a file.</summary>
/// <remarks>
/// The library has the same helper (LatentWorkbench.Common.AtomicFile); the runner keeps its own copy because it
/// must not reference the library it executes (notebooks load it with <c>#r</c>, and the runner stays generic).
/// </remarks>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/>, creating its folder.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> to a temp file beside <paramref name="path"/>, then renames it over the target.</summary>
    /// <remarks>An error names <paramref name="path"/>, never the temp file.</remarks>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(bytes);
        string full = Path.GetFullPath(path);
        string temp = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Could not write '{full}': {e.Message.Replace(temp, full, StringComparison.Ordinal)}", e);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
