using System.Globalization;
using System.Text;
using System.Text.Json;
using LatentWorkbench.Common;
using TorchSharp;

namespace LatentWorkbench.Cli.Commands;

/// <summary>Result files of <c>workbench reduce</c>, written to a temporary file then renamed (never half-written).</summary>
internal static class ReduceOutput
{
    /// <summary>Writes one JSON object whose members <paramref name="writeMembers"/> adds.</summary>
    public static void WriteJson(string path, Action<Utf8JsonWriter> writeMembers) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        });

    /// <summary>Writes x,y,label rows for a 2-D embedding.</summary>
    public static void WriteEmbeddingCsv(string path, double[] embedding, torch.Tensor labels) =>
        AtomicFile.Write(path, stream =>
        {
            // leaveOpen: AtomicFile flushes the stream to disk after this callback returns.
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
            writer.WriteLine("x,y,label");
            using var host = labels.cpu();
            var digits = host.data<long>();
            for (int i = 0; i < digits.Count; i++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{embedding[2 * i]:R},{embedding[(2 * i) + 1]:R},{digits[i]}"));
            }
        });
}
