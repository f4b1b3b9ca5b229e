using System.Text.Json.Nodes;

namespace LatentWorkbench.Notebooks.Model;

/// <summary>An nbformat 4 notebook in memory: metadata and cells.</summary>
/// <remarks>
/// Read from .ipynb (<see cref="IpynbSerializer"/>) or .dib (<see cref="DibReader"/>); always written as
/// .ipynb in the layout VS Code writes (keys sorted, 1-space indent, trailing newline).
/// </remarks>
public sealed class Notebook
{
    /// <summary>Creates a notebook.</summary>
    public Notebook(JsonObject metadata, IEnumerable<NotebookCell> cells, int nbformatMinor = 5)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(cells);
        Metadata = metadata;
        Cells = cells.ToList();
        NbformatMinor = nbformatMinor;
    }

    /// <summary>The notebook's metadata object (kernelspec, language_info, polyglot_notebook, papermill...).</summary>
    public JsonObject Metadata { get; }

    /// <summary>The cells, in order.</summary>
    public List<NotebookCell> Cells { get; }

    /// <summary>The nbformat major version (always 4).</summary>
    public int Nbformat => 4;

    /// <summary>The nbformat minor version (5: cells carry ids).</summary>
    public int NbformatMinor { get; set; }

    /// <summary>Reads a notebook, choosing the format from the extension (.ipynb or .dib).</summary>
    /// <exception cref="NotebookFormatException">Unknown extension or malformed content; the message names the file.</exception>
    public static Notebook Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Notebook '{path}' does not exist.", path);
        }

        string text = File.ReadAllText(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => IpynbSerializer.Parse(text, path),
            ".dib" => DibReader.Parse(text, path),
            string other => throw new NotebookFormatException($"Notebook '{path}': extension '{other}' is not supported; expected .ipynb or .dib."),
        };
    }

    /// <summary>Writes the notebook as .ipynb to <paramref name="path"/> atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, IpynbSerializer.Serialize(this));
}
