using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using LatentWorkbench.Tensors;

using LatentWorkbench.Common;

namespace LatentWorkbench.Training;

/// <summary>
/// Reads and writes the safetensors format (Hugging Face), which PyTorch reads with <c>safetensors.torch.load_file</c>:
/// an 8-byte little-endian header length N, N bytes of UTF-8 JSON mapping each name to
/// <c>{"dtype", "shape", "data_offsets": [begin, end]}</c> (offsets relative to the data section, which they must
/// cover without holes or overlaps), then the raw little-endian tensor bytes.
/// </summary>
public static partial class SafeTensors
{
    private const string MetadataKey = "__metadata__";
    private const long MaxHeaderBytes = 100_000_000;

    /// <summary>Saves float32 tensors (sorted by name) atomically: a temp file renamed into place.</summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var names = tensors.Keys.Order(StringComparer.Ordinal).ToList();
        byte[] header = BuildHeader(names, tensors, metadata);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            stream.Write(length);
            stream.Write(header);
            foreach (string name in names)
            {
                var values = tensors[name].AsSpan();
                if (BitConverter.IsLittleEndian)
                {
                    stream.Write(MemoryMarshal.AsBytes(values));
                }
                else
                {
                    var b = new byte[4];
                    foreach (float v in values)
                    {
                        BinaryPrimitives.WriteSingleLittleEndian(b, v);
                        stream.Write(b);
                    }
                }
            }
        });
    }

    private static byte[] BuildHeader(List<string> names, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            long offset = 0;
            foreach (string name in names)
            {
                var tensor = tensors[name];
                if (name == MetadataKey || string.IsNullOrEmpty(name))
                {
                    throw new ArgumentException($"'{name}' cannot be used as a tensor name.", nameof(tensors));
                }

                json.WriteStartObject(name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (int d in tensor.Shape)
                {
                    json.WriteNumberValue(d);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                offset += 4L * tensor.Length;
                json.WriteNumberValue(offset);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        // Pad with spaces so the data section starts 8-byte aligned, as the reference writer does.
        int padded = (int)((buffer.Length + 7) / 8 * 8);
        while (buffer.Length < padded)
        {
            buffer.WriteByte((byte)' ');
        }

        return buffer.ToArray();
    }

    private static string Describe(string path) => $"safetensors file '{path}'";

    private static InvalidDataException Malformed(string path, string what) => new($"{Describe(path)} is malformed: {what}.");

    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
