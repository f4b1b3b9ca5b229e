using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp;

namespace LatentWorkbench.Compute;

/// <summary>
/// Writes a one-dimensional tensor as a JSON array of numbers and reads it back as a float64 CPU tensor [N]: the form
/// a <c>double[]</c> had, so result files written before a record's arrays became tensors still load.
/// </summary>
/// <remarks>
/// Register it in the serializer's options (not as an attribute on a property): the serializer builds a contract for
/// every property's type, and <c>torch.Tensor</c> without a converter of its own cannot have one.
/// </remarks>
internal sealed class Float64VectorJsonConverter : JsonConverter<torch.Tensor>
{
    // Numbers go through the serializer's own double[] handling, so its options (e.g. NaN as a named literal) apply.
    public override torch.Tensor Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var values = JsonSerializer.Deserialize<double[]>(ref reader, options)
            ?? throw new JsonException("Expected an array of numbers for a tensor, got null.");
        return torch.tensor(values, dtype: torch.float64);
    }

    public override void Write(Utf8JsonWriter writer, torch.Tensor value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.dim() != 1)
        {
            throw new JsonException($"Only a one-dimensional tensor is written as a JSON array; got [{string.Join(", ", value.shape)}].");
        }

        JsonSerializer.Serialize(writer, TensorValues.Doubles(value), options);
    }
}
