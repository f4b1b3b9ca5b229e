namespace LatentWorkbench.Experiments.Autoencoders;

/// <summary>Which autoencoder an <see cref="AutoencoderExperiment"/> trains.</summary>
public enum AutoencoderArchitecture
{
    /// <summary>The deep fully connected autoencoder (<see cref="Models.Autoencoders.MlpAutoencoder"/>; Hinton &amp; Salakhutdinov's widths by default).</summary>
    Mlp,

    /// <summary>One linear layer each way, squared error (<see cref="Models.Autoencoders.LinearAutoencoder"/>): learns the principal subspace.</summary>
    Linear,

    /// <summary>Two stride-2 convolutions each way (<see cref="Models.Autoencoders.ConvAutoencoder"/>).</summary>
    Conv,

    /// <summary>The MLP trained to rebuild clean digits from corrupted ones (<see cref="Models.Autoencoders.DenoisingAutoencoder"/>).</summary>
    Denoising,
}
