using System.Text;

namespace LatentWorkbench.Figures;

/// <summary>Saves renderings by file extension, atomically (temp file in the same folder, then rename).</summary>
internal static class FigureFile
{
    /// <summary>The extensions <c>SaveAs</c> understands.</summary>
    public static readonly string[] Extensions = [".html", ".svg", ".png", ".json"];

    /// <summary>Renders for the extension of <paramref name="path"/> and writes the bytes atomically.</summary>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The extension is not one of <see cref="Extensions"/>.</exception>
    public static string Save(string path, Func<string, byte[]> render)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            throw new ArgumentException(
                $"Cannot save '{path}': unknown extension '{extension}'. Use one of {string.Join(", ", Extensions)}.", nameof(path));
        }

        string full = Path.GetFullPath(path);
        WriteAtomic(full, render(extension));
        return full;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Writes <paramref name="bytes"/> to a temp file beside <paramref name="path"/> and renames it over the target.</summary>
    public static void WriteAtomic(string path, ReadOnlySpan<byte> bytes)
    {
        string folder = Path.GetDirectoryName(path) ?? ".";
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
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
