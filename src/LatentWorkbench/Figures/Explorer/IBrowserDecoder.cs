namespace LatentWorkbench.Figures.Explorer;

/// <summary>
/// Implemented by a user's own model (or its module) to let the latent explorer decode in the browser: the model
/// describes its decoder as a <see cref="DecoderProgram"/>. The library's models need not implement it;
/// <see cref="DecoderPrograms.From"/> reads them directly.
/// </summary>
/// <remarks>
/// A decoder that is an <c>nn.Sequential</c> of supported layers can return
/// <c>DecoderPrograms.FromSequential(decoder, latentSize)</c> followed by its output activation.
/// </remarks>
public interface IBrowserDecoder
{
    /// <summary>The decoder as ops and weights, from the latent code to pixels (output activation included).</summary>
    DecoderProgram ToDecoderProgram();
}
