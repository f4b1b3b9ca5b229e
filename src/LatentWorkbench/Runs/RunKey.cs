using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LatentWorkbench.Runs;

/// <summary>What identifies a training run for caching: the model kind and its config, canonicalized and hashed.</summary>
/// <remarks>
/// <see cref="ConfigHash"/> is the lowercase hex SHA-256 of the UTF-8 bytes of the canonical JSON
/// <c>{"config":&lt;config&gt;,"model":"&lt;model&gt;"}</c> (see <see cref="CanonicalJson"/>): the model is part of
/// the key so that two model kinds with identical hyperparameters never share a cached result. Anything
/// that should force a retrain when it changes (training subset, recipe revision, seed) belongs in the config;
/// the code version is recorded with each run but is deliberately not part of the key.
/// </remarks>
public sealed record RunKey
{
    private RunKey(string model, string configJson, string configHash)
    {
        Model = model;
        ConfigJson = configJson;
        ConfigHash = configHash;
    }

    /// <summary>Model kind, e.g. <c>vae</c> or <c>conv-autoencoder</c>.</summary>
    public string Model { get; }

    /// <summary>The config in canonical JSON.</summary>
    public string ConfigJson { get; }

    /// <summary>64 lowercase hex digits: SHA-256 of the canonical model + config document.</summary>
    public string ConfigHash { get; }

    /// <summary>The first 12 hex digits of <see cref="ConfigHash"/>, enough to tell runs apart in a table.</summary>
    public string ShortHash => ConfigHash[..12];

    /// <summary>The key of <paramref name="config"/> (any record System.Text.Json can serialize) for <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> is blank.</exception>
    public static RunKey For<TConfig>(string model, TConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return FromJson(model, JsonSerializer.Serialize(config, CanonicalJson.SerializerOptions));
    }

    /// <summary>The key of a config given as JSON text (any property order or number spelling).</summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> is blank, or <paramref name="configJson"/> is not JSON.</exception>
    public static RunKey FromJson(string model, string configJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        string canonicalConfig = CanonicalJson.Normalize(configJson);
        string document = "{\"config\":" + canonicalConfig + ",\"model\":" + JsonSerializer.Serialize(model) + "}";
        string canonicalDocument = CanonicalJson.Normalize(document);
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalDocument)));
        return new RunKey(model, canonicalConfig, hash);
    }

    /// <summary>True when <paramref name="text"/> has the shape of a <see cref="ConfigHash"/> (64 hex digits, any case).</summary>
    public static bool IsConfigHash(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigit);
}
