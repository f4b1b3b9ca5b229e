namespace LatentWorkbench.Experiments.Vaes;

/// <summary>Which network a VAE run builds (<see cref="VaeExperimentOptions.Architecture"/>).</summary>
public enum VaeArchitecture
{
    /// <summary>The seed VAE's fully connected network (<see cref="Models.Vaes.Vae"/>, sizes in <see cref="VaeExperimentOptions.Model"/>).</summary>
    Mlp,

    /// <summary>The convolutional VAE (<see cref="Models.Vaes.ConvVae"/>, sizes in <see cref="VaeExperimentOptions.Conv"/>).</summary>
    Conv,
}
