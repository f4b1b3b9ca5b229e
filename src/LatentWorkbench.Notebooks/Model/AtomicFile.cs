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
    public static void WriteAllText(string path, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
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
}
