using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Notebooks.Twins;

/// <summary>
/// Keeps a notebook and its twin (<c>notebooks/NN-name.cs</c> beside <c>NN-name.ipynb</c>) the same program: writes the
/// twin from the notebook, checks that it is current, and takes an edited twin back into the notebook.
/// </summary>
public static class NotebookPairing
{
    /// <summary>The twin's path beside <paramref name="notebookPath"/>.</summary>
    public static string TwinPath(string notebookPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(notebookPath))!, TwinSyntax.TwinFileName(notebookPath));

    /// <summary>Writes (or rewrites) the twin of the notebook at <paramref name="notebookPath"/>; true when its text changed.</summary>
    /// <exception cref="TwinFormatException">The notebook holds something a twin cannot; nothing is written.</exception>
    public static bool WriteTwin(string notebookPath)
    {
        string text = TwinWriter.Write(Notebook.Load(notebookPath), notebookPath);
        string path = TwinPath(notebookPath);
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return false;
        }

        AtomicFile.WriteAllText(path, text);
        return true;
    }

    /// <summary>Why the twin of <paramref name="notebookPath"/> is not what the notebook generates (missing, or the first line that differs); null when it is.</summary>
    public static string? Drift(string notebookPath)
    {
        string path = TwinPath(notebookPath);
        if (!File.Exists(path))
        {
            return $"{path} is missing";
        }

        string[] expected = TwinWriter.Write(Notebook.Load(notebookPath), notebookPath).Split('\n');
        string[] actual = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            string? want = i < expected.Length ? expected[i] : null;
            string? have = i < actual.Length ? actual[i] : null;
            if (want != have)
            {
                return $"{path} differs from what {Path.GetFileName(notebookPath)} generates at line {i + 1}: has '{have ?? "(end of file)"}', expected '{want ?? "(end of file)"}'";
            }
        }

        return null;
    }

    /// <summary>
    /// Takes the twin's cells back into the notebook at <paramref name="notebookPath"/>: each cell keeps its id, metadata
    /// and (when its source is unchanged) its outputs; a cell new in the twin gets a new id; a cell deleted in the twin is
    /// deleted. The notebook file is rewritten only when the whole twin reads; true when it changed.
    /// </summary>
    /// <exception cref="TwinFormatException">The twin cannot be mapped back; the notebook is left untouched.</exception>
    public static bool TakeTwinBack(string notebookPath)
    {
        string twinPath = TwinPath(notebookPath);
        var cells = TwinReader.Read(File.ReadAllText(twinPath), twinPath);
        var notebook = Notebook.Load(notebookPath);
        string before = IpynbSerializer.Serialize(notebook);
        Update(notebook, cells, twinPath);
        string after = IpynbSerializer.Serialize(notebook);
        if (after == before)
        {
            return false;
        }

        notebook.Save(notebookPath);
        return true;
    }

    /// <summary>Replaces <paramref name="notebook"/>'s cells by <paramref name="cells"/>, keeping what the notebook knew of each id.</summary>
    /// <exception cref="TwinFormatException">Two cells share an id, or an id names a cell of the other kind.</exception>
    public static void Update(Notebook notebook, IReadOnlyList<TwinCell> cells, string origin)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(cells);
        var known = notebook.Cells.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var updated = new List<NotebookCell>();
        foreach (var cell in cells)
        {
            if (cell.Id is { } id && !seen.Add(id))
            {
                throw new TwinFormatException($"{origin}, line {cell.Line}: cell id '{id}' appears twice; give the copy a new id or none.");
            }

            NotebookCell target;
            if (cell.Id is { } existing && known.TryGetValue(existing, out var old))
            {
                if (old.Kind != cell.Kind)
                {
                    throw new TwinFormatException($"{origin}, line {cell.Line}: cell '{existing}' is {old.Kind.ToString().ToLowerInvariant()} in the notebook and {cell.Kind.ToString().ToLowerInvariant()} in the twin; remove its id to make a new cell.");
                }

                target = old;
                if (target.Source != cell.Source)
                {
                    target.Source = cell.Source;
                    target.ClearOutputs();
                }
            }
            else
            {
                string newId = cell.Id is { } given && CellIds.IsHexId(given) && !known.ContainsKey(given)
                    ? given
                    : CellIds.FromSeed($"{origin}/{updated.Count}/{cell.Source}");
                target = cell.Kind == CellKind.Code ? NotebookCell.NewCode(newId, cell.Source) : NotebookCell.NewMarkdown(newId, cell.Source);
            }

            SetTags(target, cell.Tags);
            updated.Add(target);
        }

        notebook.Cells.Clear();
        notebook.Cells.AddRange(updated);
    }

    private static void SetTags(NotebookCell cell, IReadOnlyList<string> tags)
    {
        if (cell.Tags.SequenceEqual(tags, StringComparer.Ordinal))
        {
            return;
        }

        if (tags.Count == 0)
        {
            cell.Metadata.Remove("tags");
        }
        else
        {
            cell.Metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }
    }
}
