using System.Text.Json;
using System.Text.Json.Serialization;
using LatentWorkbench.Models.Vaes;

namespace LatentWorkbench.Experiments.Vaes;

/// <summary>
/// The run-store key of a <see cref="VaeExperiment"/> run: the architecture, the sizes of its network and the variant.
/// Built by <see cref="From"/>; only the chosen architecture's sizes enter the key.
/// </summary>
/// <param name="Architecture">Which network.</param>
/// <param name="Mlp">The MLP network's sizes (used when <paramref name="Architecture"/> is <see cref="VaeArchitecture.Mlp"/>).</param>
/// <param name="Conv">The conv network's sizes (used when it is <see cref="VaeArchitecture.Conv"/>).</param>
/// <param name="Variant">The variant's config.</param>
/// <remarks>
/// Its JSON is the one runs were stored under before variants were records, so existing run stores keep their hashes:
/// the seed family (MLP, plain ELBO) is keyed by its <see cref="VaeConfig"/> alone; every other run by
/// <c>{architecture, network, objective}</c>, where the built-in objectives are written <c>{kind, beta, samples}</c>
/// (<c>elbo</c>/<c>iwae</c>) and any other variant as its own record.
/// </remarks>
[JsonConverter(typeof(VaeRunConfigJsonConverter))]
public sealed record VaeRunConfig(VaeArchitecture Architecture, VaeConfig Mlp, ConvVaeConfig Conv, VaeVariantConfig Variant)
{
    /// <summary>True for the seed VAE's family (the MLP network on the plain ELBO), whose key is its <see cref="VaeConfig"/>.</summary>
    public bool IsSeedFamily => Architecture == VaeArchitecture.Mlp && Variant is ElboConfig;

    /// <summary>The key of <paramref name="options"/>.</summary>
    public static VaeRunConfig From(VaeExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new VaeRunConfig(options.Architecture, options.Model, options.Conv, options.Variant);
    }

    private sealed class VaeRunConfigJsonConverter : JsonConverter<VaeRunConfig>
    {
        public override VaeRunConfig Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A VAE run key is written, never read back: the run store compares hashes.");

        public override void Write(Utf8JsonWriter writer, VaeRunConfig value, JsonSerializerOptions options)
        {
            if (value.IsSeedFamily)
            {
                JsonSerializer.Serialize(writer, value.Mlp, options);
                return;
            }

            writer.WriteStartObject();
            writer.WritePropertyName("architecture");
            JsonSerializer.Serialize(writer, value.Architecture, options);
            writer.WritePropertyName("network");
            if (value.Architecture == VaeArchitecture.Conv)
            {
                JsonSerializer.Serialize(writer, value.Conv, options);
            }
            else
            {
                JsonSerializer.Serialize(writer, value.Mlp, options);
            }

            writer.WritePropertyName("objective");
            switch (value.Variant)
            {
                case ElboConfig:
                    WriteObjective(writer, "elbo", 1.0, 1);
                    break;
                case BetaVaeConfig beta:
                    WriteObjective(writer, "elbo", beta.Beta, 1);
                    break;
                case IwaeConfig iwae:
                    WriteObjective(writer, "iwae", 1.0, iwae.Samples);
                    break;
                default:
                    JsonSerializer.Serialize(writer, value.Variant, value.Variant.GetType(), options);
                    break;
            }

            writer.WriteEndObject();
        }

        // The shape of the objective record the built-in variants replaced.
        private static void WriteObjective(Utf8JsonWriter writer, string kind, double beta, int samples)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", kind);
            writer.WriteNumber("beta", beta);
            writer.WriteNumber("samples", samples);
            writer.WriteEndObject();
        }
    }
}
