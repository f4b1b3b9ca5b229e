namespace LatentWorkbench.Experiments.Collapse;

/// <summary>Which VAE a <see cref="CollapseSetting"/> trains.</summary>
public enum CollapseDecoder
{
    /// <summary>The seed VAE's MLP decoder: p(x|z) factorises over pixels, so it must use z.</summary>
    Mlp,

    /// <summary>The row-by-row GRU decoder of <see cref="Models.Vaes.AutoregressiveVae"/>: strong enough to ignore z.</summary>
    Autoregressive,
}
