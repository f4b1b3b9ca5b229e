using TorchSharp;

namespace LatentWorkbench.Models.Autoencoders;

/// <summary>The nonlinearity between hidden layers.</summary>
public enum HiddenActivation
{
    /// <summary>Logistic units, as Hinton &amp; Salakhutdinov 2006.</summary>
    Sigmoid,

    /// <summary>Rectified linear units.</summary>
    Relu,

    /// <summary>Hyperbolic tangent.</summary>
    Tanh,
}

/// <summary>Builds the module of a <see cref="HiddenActivation"/>.</summary>
public static class HiddenActivations
{
    /// <summary>The parameter-free module for <paramref name="activation"/>.</summary>
    public static torch.nn.Module<torch.Tensor, torch.Tensor> Create(HiddenActivation activation) => activation switch
    {
        HiddenActivation.Sigmoid => torch.nn.Sigmoid(),
        HiddenActivation.Relu => torch.nn.ReLU(),
        HiddenActivation.Tanh => torch.nn.Tanh(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Expected Sigmoid, Relu or Tanh."),
    };
}
