using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LatentWorkbench.Cli.Commands;

/// <summary>Result files of <c>workbench reduce</c>, written to a temporary file then renamed (never half-written).</summary>
internal static class ReduceOutput
{
    /// <summary>Writes one JSON object whose members <paramref name="writeMembers"/> adds.</summary>
    public static void WriteJson(string path, Action<Utf8JsonWriter> writeMembers) =>
        WriteAtomically(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        });

    /// <summary>Writes x,y,label rows for a 2-D embedding.</summary>
    public static void WriteEmbeddingCsv(string path, double[] embedding, byte[] labels) =>
        WriteAtomically(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.WriteLine("x,y,label");
            for (int i = 0; i < labels.Length; i++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{embedding[2 * i]:R},{embedding[(2 * i) + 1]:R},{labels[i]}"));
            }
        });

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        string temporary = full + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
