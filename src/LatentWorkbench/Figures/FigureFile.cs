using System.Text;
using LatentWorkbench.Common;

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
        AtomicFile.WriteAllBytes(full, render(extension));
        return full;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
