using System.Text.Json.Serialization;

namespace LatentWorkbench.Models.Autoencoders;

/// <summary>
/// The sizes of one of the autoencoder networks: <see cref="MlpAutoencoderConfig"/> (also the denoising model's),
/// <see cref="LinearAutoencoderConfig"/> or <see cref="ConvAutoencoderConfig"/>.
/// </summary>
/// <remarks>
/// Serialized through this type, a config writes its own fields and no type name (each derived type is listed without a
/// discriminator), so a run-store key that holds one hashes exactly as the config record itself.
/// </remarks>
[JsonDerivedType(typeof(MlpAutoencoderConfig))]
[JsonDerivedType(typeof(LinearAutoencoderConfig))]
[JsonDerivedType(typeof(ConvAutoencoderConfig))]
public abstract record AutoencoderConfig
{
    /// <summary>Throws when a size is invalid, naming it.</summary>
    public abstract void Validate();
}
