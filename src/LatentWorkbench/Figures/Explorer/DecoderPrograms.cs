using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Models.Vaes;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Figures.Explorer;

/// <summary>
/// Reads the decoder of a library model (or of a user's model that implements <see cref="IBrowserDecoder"/>) into a
/// <see cref="DecoderProgram"/> from its modules' weights, by their PyTorch state-dict names.
/// </summary>
/// <remarks>
/// Supported: <see cref="Vae"/> (fc3 → ReLU → fc4 → sigmoid), <see cref="ConditionalVae"/> (one-hot label concatenated
/// to z first), <see cref="ConvVae"/> and <see cref="ConvAutoencoder"/> (expand → ReLU → Unflatten → ConvTranspose2d →
/// ReLU → ConvTranspose2d), <see cref="MlpAutoencoder"/> (its decoder Sequential), <see cref="LinearAutoencoder"/>
/// (its input mean folded into the bias), a <see cref="VaeVariant"/> or <see cref="DenoisingAutoencoder"/> through the
/// network it wraps, and any <see cref="IBrowserDecoder"/>. Anything else (e.g. <see cref="AutoregressiveVae"/>, whose
/// decoder feeds its own output back row by row) gets a reason naming the model and what is supported.
/// </remarks>
public static class DecoderPrograms
{
    /// <summary>What the browser can decode, for messages.</summary>
    public const string Supported =
        "Vae, ConvVae, ConditionalVae, MlpAutoencoder, ConvAutoencoder, LinearAutoencoder, their variants (VaeVariant, DenoisingAutoencoder), " +
        "and any model implementing IBrowserDecoder (e.g. with DecoderPrograms.FromSequential for an nn.Sequential of " + ModuleTranslation.SupportedLayers + ")";

    /// <summary>The decoder of <paramref name="model"/> as a program.</summary>
    /// <exception cref="NotSupportedException">The decoder cannot run in the browser; the message names the model and what is supported.</exception>
    public static DecoderProgram From(object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            return model switch
            {
                IBrowserDecoder own => own.ToDecoderProgram(),
                VaeVariant variant => From(variant.Network),
                DenoisingAutoencoder denoising => From(denoising.Autoencoder),
                Vae vae => Mlp(vae, vae.LatentSize, 0),
                ConditionalVae cvae => Mlp(cvae, cvae.LatentSize, cvae.Classes),
                ConvVae conv => Convolutional(conv, conv.LatentSize, OutputActivation.Sigmoid),
                ConvAutoencoder conv => Convolutional(conv, conv.CodeSize, conv.Output),
                MlpAutoencoder mlp => WithOutput(new ModuleTranslation(mlp.CodeSize, 0).Add(Child(mlp, "decoder")), mlp.Output),
                LinearAutoencoder linear => WithOutput(new ModuleTranslation(linear.CodeSize, 0).Add(ModuleTranslation.Linear((Linear)Child(linear, "decoder"), linear.InputMean)), linear.Output),
                _ => throw new NotSupportedException($"no decoder description is known for {model.GetType().Name}"),
            };
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidCastException)
        {
            // An unknown layout (a subclass whose layers do not chain as its base's) is a decoder the page cannot run either.
            throw new NotSupportedException($"The latent explorer cannot decode {model.GetType().Name} in the browser ({e.Message.TrimEnd('.')}). Supported: {Supported}.", e);
        }
    }

    /// <summary>As <see cref="From"/>, returning the reason instead of throwing when the decoder cannot run in the browser.</summary>
    public static (DecoderProgram? Program, string? Problem) TryFrom(object model)
    {
        try
        {
            return (From(model), null);
        }
        catch (NotSupportedException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>
    /// The ops of a decoder that is one <c>nn.Sequential</c> (or any single supported layer) from a code of
    /// <paramref name="latentSize"/>, followed by <paramref name="output"/> (the sigmoid that turns logits into pixels).
    /// </summary>
    /// <exception cref="NotSupportedException">A layer cannot run in the browser.</exception>
    public static DecoderProgram FromSequential(nn.Module decoder, int latentSize, OutputActivation output = OutputActivation.Sigmoid) =>
        WithOutput(new ModuleTranslation(latentSize, 0).Add(decoder), output);

    /// <summary>
    /// fc3 → ReLU → fc4 → sigmoid (the seed VAE's state-dict names); for a conditional model the label's one-hot goes
    /// before fc3, and before fc4 too when fc4's weights read hidden + classes inputs (a CVAE that conditions its output
    /// layer as well): the layout is read from the weights, so such a subclass needs no code here.
    /// </summary>
    internal static DecoderProgram Mlp(nn.Module module, int latentSize, int classes)
    {
        var translation = new ModuleTranslation(latentSize, classes);
        if (classes > 0)
        {
            translation.Add(new ConcatLabelOp(classes));
        }

        var fc3 = (Linear)Child(module, "fc3");
        var fc4 = (Linear)Child(module, "fc4");
        translation.Add(fc3).Add(new ActivationOp(ActivationKind.Relu));
        if (classes > 0 && fc4.weight!.shape[1] == fc3.weight!.shape[0] + classes)
        {
            translation.Add(new ConcatLabelOp(classes));
        }

        return translation.Add(fc4).Add(new ActivationOp(ActivationKind.Sigmoid)).ToProgram();
    }

    // expand → ReLU → the transposed-conv body (Unflatten first) → flatten → output (ConvolutionalStacks' decoder).
    private static DecoderProgram Convolutional(nn.Module module, int latentSize, OutputActivation output)
    {
        var translation = new ModuleTranslation(latentSize, 0).Add(Child(module, "expand")).Add(new ActivationOp(ActivationKind.Relu)).Add(Child(module, "decoder"));
        return WithOutput(translation.Flatten(), output);
    }

    private static DecoderProgram WithOutput(ModuleTranslation translation, OutputActivation output) =>
        (output == OutputActivation.Sigmoid ? translation.Add(new ActivationOp(ActivationKind.Sigmoid)) : translation).ToProgram();

    private static nn.Module Child(nn.Module module, string name) =>
        module.named_children().FirstOrDefault(c => c.name == name).module
        ?? throw new NotSupportedException($"{module.GetType().Name} has no submodule '{name}'");
}
