namespace LatentWorkbench.Training;

/// <summary>The optimisers the trainer builds (torch.optim).</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma &amp; Ba 2015).</summary>
    Adam,

    /// <summary>AdamW, decoupled weight decay (Loshchilov &amp; Hutter 2019).</summary>
    AdamW,

    /// <summary>Stochastic gradient descent with optional momentum.</summary>
    Sgd,
}
