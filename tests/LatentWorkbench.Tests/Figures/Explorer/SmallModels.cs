using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Figures.Explorer;

/// <summary>Tiny untrained models of every family the explorer decodes, each with its TorchSharp decoder (z [1, k], label) → pixels.</summary>
internal static class SmallModels
{
    public static IReadOnlyList<string> Names { get; } = ["Vae", "ConvVae", "ConditionalVae", "MlpAutoencoder", "MlpAutoencoder-relu", "ConvAutoencoder", "LinearAutoencoder", "BetaVae"];

    public static (object Model, Func<torch.Tensor, int, torch.Tensor> Decode, int Latent, int Classes) Create(string name)
    {
        torch.manual_seed(3);
        switch (name)
        {
            case "Vae":
                var vae = new Vae(new VaeConfig(InputSize: 64, HiddenSize: 12, LatentSize: 2));
                return (vae, (z, _) => ((IVariationalAutoencoder)vae).Decode(z), 2, 0);
            case "BetaVae":
                var beta = new BetaVae(new Vae(new VaeConfig(InputSize: 64, HiddenSize: 12, LatentSize: 3)), 4);
                return (beta, (z, _) => ((IVariationalAutoencoder)beta).Decode(z), 3, 0);
            case "ConvVae":
                var conv = new ConvVae(new ConvVaeConfig(ImageSide: 12, FirstChannels: 3, SecondChannels: 4, LatentSize: 3));
                return (conv, (z, _) => ((IVariationalAutoencoder)conv).Decode(z), 3, 0);
            case "ConditionalVae":
                var cvae = new ConditionalVae(new ConditionalVaeConfig(InputSize: 64, Classes: 4, HiddenSize: 12, LatentSize: 2));
                return (cvae, (z, label) => cvae.Decode(z, torch.tensor(new long[] { label })), 2, 4);
            case "MlpAutoencoder":
                var mlp = new MlpAutoencoder(new MlpAutoencoderConfig(InputSize: 64, CodeSize: 2, HiddenSizes: [16, 8]));
                return (mlp, (z, _) => mlp.Decode(z), 2, 0);
            case "MlpAutoencoder-relu":
                var relu = new MlpAutoencoder(new MlpAutoencoderConfig(InputSize: 64, CodeSize: 3, HiddenSizes: [10], Activation: HiddenActivation.Tanh));
                return (relu, (z, _) => relu.Decode(z), 3, 0);
            case "ConvAutoencoder":
                var convAe = new ConvAutoencoder(new ConvAutoencoderConfig(ImageSide: 12, FirstChannels: 3, SecondChannels: 4, CodeSize: 2));
                return (convAe, (z, _) => convAe.Decode(z), 2, 0);
            case "LinearAutoencoder":
                var linear = new LinearAutoencoder(new LinearAutoencoderConfig(InputSize: 64, CodeSize: 3));
                using (var data = torch.rand([20, 64]))
                {
                    linear.InitializeFromData(data);
                }

                return (linear, (z, _) => linear.Decode(z), 3, 0);
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "No such small model.");
        }
    }
}
