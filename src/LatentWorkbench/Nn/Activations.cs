using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>max(x, 0).</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Relu(input);
}

/// <summary>x for x &gt; 0, slope·x otherwise.</summary>
/// <param name="negativeSlope">The slope for negative inputs (PyTorch default 0.01).</param>
public sealed class LeakyReLU(float negativeSlope = 0.01f) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.LeakyRelu(input, negativeSlope);
}

/// <summary>x for x &gt; 0, α(eˣ − 1) otherwise.</summary>
/// <param name="alpha">α (PyTorch default 1).</param>
public sealed class ELU(float alpha = 1f) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Elu(input, alpha);
}

/// <summary>σ(x) = 1 / (1 + e⁻ˣ).</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Sigmoid(input);
}

/// <summary>tanh(x).</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Tanh(input);
}

/// <summary>log(1 + eˣ).</summary>
public sealed class Softplus : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Softplus(input);
}

/// <summary>x·Φ(x) (exact GELU).</summary>
public sealed class GELU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Gelu(input);
}

/// <summary>[N, …] → [N, Π…].</summary>
public sealed class Flatten : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Flatten(input);
}

/// <summary>Inverted dropout with probability p in training mode; the identity in evaluation mode.</summary>
/// <param name="p">Probability of zeroing an element, in [0, 1).</param>
/// <param name="random">The generator for the masks.</param>
public sealed class Dropout(float p, TensorRandom random) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout(input, p, IsTraining, random);
}
