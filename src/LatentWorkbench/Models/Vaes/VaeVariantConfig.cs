namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// What makes a VAE variant (pythae's <c>ModelConfig</c>): its hyperparameters as record fields, the run store's name
/// for it, a label for tables, and how it wraps a network. Declare one beside the <see cref="VaeVariant"/> it builds.
/// </summary>
/// <remarks>
/// The record's fields are part of the run-store key of every run trained with it, so they must hold everything that
/// shapes the loss. The name and label are methods, not properties, so that they stay out of that key. A variant a
/// notebook cell declares needs only <see cref="Build"/>; <see cref="StoredName"/> and <see cref="Label"/> default to
/// the record's type name.
/// </remarks>
public abstract record VaeVariantConfig
{
    /// <summary>The variant around <paramref name="network"/> (the network itself where only the ELBO is wanted).</summary>
    public abstract IVariationalAutoencoder Build(IVariationalAutoencoder network);

    /// <summary>The run store's model name of the variant on the MLP network (e.g. <c>beta-vae</c>); by default the lowercased type name without <c>Config</c>.</summary>
    public virtual string StoredName() => TypeName().ToLowerInvariant();

    /// <summary>A short label for titles and tables (e.g. <c>β-VAE β=4</c>); by default the type name without <c>Config</c>.</summary>
    public virtual string Label() => TypeName();

    /// <summary>Throws naming the first invalid field; by default nothing to check.</summary>
    public virtual void Validate()
    {
    }

    private string TypeName()
    {
        string name = GetType().Name;
        return name.EndsWith("Config", StringComparison.Ordinal) && name.Length > "Config".Length ? name[..^"Config".Length] : name;
    }
}
