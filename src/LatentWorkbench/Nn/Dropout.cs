using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>Inverted dropout with probability p in training mode; the identity in evaluation mode.</summary>
/// <param name="p">Probability of zeroing an element, in [0, 1).</param>
/// <param name="random">The generator for the masks.</param>
public sealed class Dropout(float p, TensorRandom random) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout(input, p, IsTraining, random);
}
