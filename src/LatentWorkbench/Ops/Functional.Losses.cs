using LatentWorkbench.Autograd;
using LatentWorkbench.Kernels;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Ops;

public static partial class Functional
{
    private const float LogFloor = -100f;

    /// <summary>
    /// Binary cross-entropy on probabilities: −[t·log p + (1 − t)·log(1 − p)], each log floored at −100 as in
    /// PyTorch. Composite of primitives. Shapes of p and t must match.
    /// </summary>
    public static Tensor BinaryCrossEntropy(Tensor probabilities, Tensor target, LossReduction reduction = LossReduction.Mean)
    {
        RequireSameShape(probabilities, target, nameof(target));
        var logP = Clamp(Log(probabilities), LogFloor);
        var logOneMinusP = Clamp(Log(AddScalar(Neg(probabilities), 1f)), LogFloor);
        var perElement = Neg(Add(Mul(target, logP), Mul(AddScalar(Neg(target), 1f), logOneMinusP)));
        return Reduce(perElement, reduction);
    }

    /// <summary>
    /// Binary cross-entropy on logits x (fused, numerically stable): Σ max(x, 0) − x·t + log(1 + e^−|x|),
    /// equal to BCE(σ(x), t) without overflow. Gradients: σ(x) − t for x, −x for t.
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor target, LossReduction reduction = LossReduction.Mean)
    {
        RequireSameShape(logits, target, nameof(target));
        var y = TensorStorage.Create([], clear: false);
        y.Span[0] = (float)TensorKernels.BceWithLogitsSumParallel(logits.Span, target.Span);
        if (Graph.Needs(logits, target))
        {
            Graph.Record(y, () =>
            {
                float g = y.Grad!.Span[0];
                if (logits.RequiresGrad)
                {
                    TensorKernels.BceWithLogitsBackwardParallel(logits.Span, target.Span, g, logits.GradSpan());
                }

                if (target.RequiresGrad)
                {
                    var gt = target.GradSpan();
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(logits.Span, -g, gt, gt); // ∂/∂t = −x
                }
            }, logits, target);
        }

        return reduction == LossReduction.Sum ? y : Scale(y, 1f / logits.Length);
    }

    /// <summary>Mean squared error Σ(a − b)² (/ n for the mean). Composite.</summary>
    public static Tensor MseLoss(Tensor prediction, Tensor target, LossReduction reduction = LossReduction.Mean)
    {
        RequireSameShape(prediction, target, nameof(target));
        var difference = Sub(prediction, target);
        return Reduce(Mul(difference, difference), reduction);
    }

    /// <summary>Cross-entropy of logits [N, C] against class labels: −Σᵢ log softmax(xᵢ)[labelᵢ] (mean over N). Composite.</summary>
    public static Tensor CrossEntropy(Tensor logits, ReadOnlySpan<int> labels, LossReduction reduction = LossReduction.Mean) =>
        Reduce(Neg(Gather(LogSoftmax(logits), labels)), reduction);

    /// <summary>
    /// KL(N(μ, σ²) ‖ N(0, I)) in closed form: −½ Σ (1 + log σ² − μ² − σ²) (Kingma &amp; Welling 2014, appendix B).
    /// μ and log σ² are [N, latent]; the mean divides by the number of elements. Composite.
    /// </summary>
    public static Tensor GaussianKl(Tensor mu, Tensor logVariance, LossReduction reduction = LossReduction.Sum)
    {
        RequireSameShape(mu, logVariance, nameof(logVariance));
        var inner = Sub(Sub(AddScalar(logVariance, 1f), Mul(mu, mu)), Exp(logVariance));
        return Scale(Reduce(inner, reduction), -0.5f);
    }

    /// <summary>
    /// Gaussian log-likelihood log N(x; μ, σ²) = −½ Σ [log 2π + log σ² + (x − μ)² / σ²]. Composite.
    /// </summary>
    public static Tensor GaussianLogLikelihood(Tensor x, Tensor mu, Tensor logVariance, LossReduction reduction = LossReduction.Sum)
    {
        RequireSameShape(x, mu, nameof(mu));
        RequireSameShape(x, logVariance, nameof(logVariance));
        var difference = Sub(x, mu);
        var squared = Mul(Mul(difference, difference), Exp(Neg(logVariance)));
        var inner = AddScalar(Add(logVariance, squared), MathF.Log(2f * MathF.PI));
        return Scale(Reduce(inner, reduction), -0.5f);
    }

    private static Tensor Reduce(Tensor perElement, LossReduction reduction) =>
        reduction == LossReduction.Sum ? Sum(perElement) : Mean(perElement);

    private static void RequireSameShape(Tensor a, Tensor b, string parameter)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b, parameter);
        if (!ShapeMath.SameShape(a.ShapeArray, b.ShapeArray))
        {
            throw new ArgumentException($"Expected {parameter} to have shape {ShapeMath.Format(a.ShapeArray)}; got {ShapeMath.Format(b.ShapeArray)}.", parameter);
        }
    }
}
