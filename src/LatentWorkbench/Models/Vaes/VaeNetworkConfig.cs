using System.Text.Json.Serialization;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// The sizes of one of the VAE networks a variant wraps: <see cref="VaeConfig"/> (the seed MLP),
/// <see cref="ConvVaeConfig"/> or <see cref="AutoregressiveVaeConfig"/>.
/// </summary>
/// <remarks>
/// Serialized through this type, a config writes its own fields and no type name (each derived type is listed without a
/// discriminator), so a run-store key that holds one hashes exactly as the config record itself.
/// </remarks>
[JsonDerivedType(typeof(VaeConfig))]
[JsonDerivedType(typeof(ConvVaeConfig))]
[JsonDerivedType(typeof(AutoregressiveVaeConfig))]
public abstract record VaeNetworkConfig
{
    /// <summary>Throws when a size is invalid, naming it.</summary>
    public abstract void Validate();
}
