using System.Text.Json;
using System.Text.Json.Serialization;
using LatentWorkbench.Models.Autoencoders;

namespace LatentWorkbench.Experiments.Autoencoders;

/// <summary>The run-store key of an <see cref="AutoencoderExperiment"/> run: the autoencoder's config record and, for the denoising one, its corruption.</summary>
/// <param name="Autoencoder">The model's config record (<see cref="AutoencoderExperiment.ModelConfig"/>).</param>
/// <param name="Noise">The corruption of a denoising autoencoder; null for the others.</param>
/// <remarks>Its JSON is the key runs were stored under before it was a record: the config's own fields alone, or <c>{autoencoder, noise}</c>.</remarks>
[JsonConverter(typeof(AutoencoderRunConfigJsonConverter))]
public sealed record AutoencoderRunConfig(AutoencoderConfig Autoencoder, DenoisingOptions? Noise)
{
    private sealed class AutoencoderRunConfigJsonConverter : JsonConverter<AutoencoderRunConfig>
    {
        public override AutoencoderRunConfig Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("An autoencoder run key is written, never read back: the run store compares hashes.");

        public override void Write(Utf8JsonWriter writer, AutoencoderRunConfig value, JsonSerializerOptions options)
        {
            if (value.Noise is null)
            {
                JsonSerializer.Serialize(writer, value.Autoencoder, options);
                return;
            }

            writer.WriteStartObject();
            writer.WritePropertyName("autoencoder");
            JsonSerializer.Serialize(writer, value.Autoencoder, options);
            writer.WritePropertyName("noise");
            JsonSerializer.Serialize(writer, value.Noise, options);
            writer.WriteEndObject();
        }
    }
}
