using System.Buffers.Binary;
using System.Text.Json;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Training;

public static partial class SafeTensors
{
    /// <summary>Loads every tensor (F32, F64, F16 and BF16 are converted to float32).</summary>
    /// <exception cref="InvalidDataException">The file does not follow the format; the message names the field.</exception>
    public static Dictionary<string, Tensor> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No safetensors file at '{path}'.", path);
        }

        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8)
        {
            throw Malformed(path, $"it has {bytes.Length} bytes, fewer than the 8-byte header length");
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderBytes || 8 + (long)headerLength > bytes.Length)
        {
            throw Malformed(path, $"the header length {headerLength} exceeds the file size {bytes.Length}");
        }

        int dataStart = 8 + (int)headerLength;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        }
        catch (JsonException e)
        {
            throw Malformed(path, $"the header is not valid JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(path, "the header must be a JSON object");
            }

            var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            var ranges = new List<(long Begin, long End, string Name)>();
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (entry.Name == MetadataKey)
                {
                    continue;
                }

                if (result.ContainsKey(entry.Name))
                {
                    throw Malformed(path, $"tensor '{entry.Name}' appears twice");
                }

                var (tensor, begin, end) = ReadEntry(path, entry, bytes.AsSpan(dataStart));
                result[entry.Name] = tensor;
                ranges.Add((begin, end, entry.Name));
            }

            CheckCoverage(path, ranges, bytes.Length - dataStart);
            return result;
        }
    }

    private static (Tensor Tensor, long Begin, long End) ReadEntry(string path, JsonProperty entry, ReadOnlySpan<byte> data)
    {
        string name = entry.Name;
        var e = entry.Value;
        if (e.ValueKind != JsonValueKind.Object
            || !e.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String
            || !e.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
            || !e.TryGetProperty("data_offsets", out var offsetsElement) || offsetsElement.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(path, $"tensor '{name}' needs \"dtype\" (string), \"shape\" (array) and \"data_offsets\" (array)");
        }

        string dtype = dtypeElement.GetString()!;
        int elementSize = dtype switch
        {
            "F32" => 4,
            "F64" => 8,
            "F16" or "BF16" => 2,
            _ => throw Malformed(path, $"tensor '{name}' has dtype \"{dtype}\"; supported: F32, F64, F16, BF16"),
        };

        var shape = new List<int>();
        foreach (var d in shapeElement.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt32(out int size) || size < 0)
            {
                throw Malformed(path, $"tensor '{name}' has a shape entry that is not a non-negative integer");
            }

            shape.Add(size);
        }

        if (shape.Count > Tensor.MaxRank)
        {
            throw Malformed(path, $"tensor '{name}' has rank {shape.Count}; at most {Tensor.MaxRank} is supported");
        }

        var offsets = offsetsElement.EnumerateArray().ToList();
        if (offsets.Count != 2 || !offsets[0].TryGetInt64(out long begin) || !offsets[1].TryGetInt64(out long end) || begin < 0 || end < begin)
        {
            throw Malformed(path, $"tensor '{name}' needs \"data_offsets\": [begin, end] with 0 ≤ begin ≤ end");
        }

        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (end - begin != count * elementSize)
        {
            throw Malformed(path, $"tensor '{name}' spans {end - begin} bytes but shape {ShapeMath.Format(shape.ToArray())} of {dtype} needs {count * elementSize}");
        }

        if (end > data.Length)
        {
            throw Malformed(path, $"tensor '{name}' ends at byte {end} of a {data.Length}-byte data section");
        }

        var tensor = Tensor.Zeros([.. shape]);
        Decode(dtype, data.Slice((int)begin, (int)(end - begin)), tensor.AsSpan());
        return (tensor, begin, end);
    }

    private static void Decode(string dtype, ReadOnlySpan<byte> raw, Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = dtype switch
            {
                "F32" => BinaryPrimitives.ReadSingleLittleEndian(raw[(4 * i)..]),
                "F64" => (float)BinaryPrimitives.ReadDoubleLittleEndian(raw[(8 * i)..]),
                "F16" => (float)BinaryPrimitives.ReadHalfLittleEndian(raw[(2 * i)..]),
                _ => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(raw[(2 * i)..]) << 16),
            };
        }
    }

    private static void CheckCoverage(string path, List<(long Begin, long End, string Name)> ranges, long dataLength)
    {
        long position = 0;
        foreach (var (begin, end, name) in ranges.OrderBy(r => r.Begin).ThenBy(r => r.End))
        {
            if (begin != position)
            {
                throw Malformed(path, begin < position
                    ? $"tensor '{name}' overlaps the previous tensor's bytes"
                    : $"the data section has a hole before tensor '{name}' (bytes {position}..{begin})");
            }

            position = end;
        }

        if (position != dataLength)
        {
            throw Malformed(path, $"the tensors cover {position} bytes but the data section has {dataLength}");
        }
    }
}
