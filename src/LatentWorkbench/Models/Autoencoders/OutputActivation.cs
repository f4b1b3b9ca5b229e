namespace LatentWorkbench.Models.Autoencoders;

/// <summary>The decoder's last activation.</summary>
public enum OutputActivation
{
    /// <summary>Pixels = sigmoid(pre-activation), in (0, 1); the pre-activation is a logit (Hinton &amp; Salakhutdinov 2006).</summary>
    Sigmoid,

    /// <summary>Pixels = pre-activation (the linear autoencoder).</summary>
    Identity,
}
