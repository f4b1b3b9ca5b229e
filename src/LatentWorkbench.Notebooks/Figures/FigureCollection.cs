using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Notebooks.Figures;

/// <summary>
/// Gathers every exported figure of an output folder (each notebook's <c>figures/NAME/</c>) into one folder of the
/// user's, for a report: the files as they are (names are <c>{notebook}-{id}</c>, so they never collide), one shared
/// <c>plotly.min.js</c> for the pages, and one <c>figures.json</c> listing them all.
/// </summary>
public static class FigureCollection
{
    /// <summary>Copies the figures under <c><paramref name="outputDirectory"/>/figures/</c> into <paramref name="destination"/>; returns how many figures were copied.</summary>
    /// <remarks>Files already in the destination with the same names are replaced; other files there are left alone.</remarks>
    public static int CopyAll(string outputDirectory, string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        string figuresRoot = Path.Combine(Path.GetFullPath(outputDirectory), "figures");
        string target = Path.GetFullPath(destination);
        Directory.CreateDirectory(target);
        var all = new JsonArray();
        var manifests = Directory.Exists(figuresRoot)
            ? Directory.GetFiles(figuresRoot, FigureExporter.ManifestFileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        foreach (string manifestPath in manifests)
        {
            string folder = Path.GetDirectoryName(manifestPath)!;
            var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
            foreach (var figure in (manifest["figures"]?.AsArray() ?? []).OfType<JsonObject>())
            {
                foreach (var file in (figure["files"] as JsonObject ?? []).Select(f => f.Value?.GetValue<string>()).OfType<string>())
                {
                    File.Copy(Path.Combine(folder, file), Path.Combine(target, file), overwrite: true);
                }

                all.Add(figure.DeepClone());
            }

            string script = Path.Combine(folder, "plotly.min.js");
            if (File.Exists(script) && !File.Exists(Path.Combine(target, "plotly.min.js")))
            {
                File.Copy(script, Path.Combine(target, "plotly.min.js"));
            }
        }

        AtomicFile.WriteAllText(Path.Combine(target, FigureExporter.ManifestFileName), SortedJsonWriter.Write(new JsonObject { ["figures"] = all }));
        return all.Count;
    }
}
