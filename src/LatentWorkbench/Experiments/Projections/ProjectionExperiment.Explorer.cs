using LatentWorkbench.Data;
using LatentWorkbench.Figures.Explorer;

namespace LatentWorkbench.Experiments.Projections;

/// <summary>The latent explorer of notebook 04: one model's latent space with every map of the same digits.</summary>
public static partial class ProjectionExperiment
{
    /// <summary>
    /// The latent explorer of the VAE behind <paramref name="spaces"/> (else its autoencoder) on <paramref name="digits"/>
    /// (the digits the spaces were computed from, in order), with the codes' principal plane first and then every 2-D map of
    /// <paramref name="runs"/> (t-SNE and UMAP of each space) as a view: hovering a point of any map shows the digit, its
    /// reconstruction and its neighbours in that model's latent space.
    /// </summary>
    /// <exception cref="ArgumentException">The spaces have neither a VAE nor an autoencoder (no latent space to explore).</exception>
    public static LatentExplorer Explorer(ProjectionSpaces spaces, IEnumerable<ProjectionResult> runs, MnistSplit digits, LatentExplorerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spaces);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(digits);
        int count = (int)spaces.Labels.shape[0];
        var shown = digits.Take(count);
        options = (options ?? new LatentExplorerOptions()) with { MaxDigits = count };
        var explorer = spaces.Vae is { } vae ? LatentExplorer.Of(vae.Model, shown, options)
            : spaces.Autoencoder is { } autoencoder ? LatentExplorer.Of(autoencoder.Model, shown, options)
            : throw new ArgumentException("The spaces hold neither a VAE nor an autoencoder: add ProjectionInputSpace.Vae or .Autoencoder to explore a latent space.", nameof(spaces));
        foreach (var run in runs.Where(r => r.Embedding.dim() == 2 && r.Embedding.shape[1] == 2 && r.Embedding.shape[0] == count))
        {
            explorer = explorer.WithMap($"{run.Method} of {run.Space}", run.Embedding);
        }

        return explorer;
    }
}
