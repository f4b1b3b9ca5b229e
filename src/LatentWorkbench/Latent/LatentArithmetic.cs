using TorchSharp;

namespace LatentWorkbench.Latent;

/// <summary>Vector arithmetic on codes: class means, analogies a − b + c, and moving a code from one class to another.</summary>
/// <remarks>Codes are [latent] vectors or [N, latent] rows; results keep the input's dtype and device.</remarks>
public static class LatentArithmetic
{
    /// <summary>The mean code of each class, [classes, latent]: row c = mean of the codes whose label is c.</summary>
    /// <exception cref="ArgumentException">Shapes disagree, a label is outside [0, classes), or a class has no codes.</exception>
    public static torch.Tensor ClassMeans(torch.Tensor codes, torch.Tensor labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if (codes.shape.Length != 2 || labels.shape.Length != 1 || labels.shape[0] != codes.shape[0])
        {
            throw new ArgumentException($"codes must be [N, latent] and labels [N]; got [{string.Join(", ", codes.shape)}] and [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        using var scope = torch.NewDisposeScope();
        var y = labels.to(torch.int64).to(codes.device);
        if (y.min().item<long>() < 0 || y.max().item<long>() >= classes)
        {
            throw new ArgumentException($"labels must lie in [0, {classes}); got {y.min().item<long>()} … {y.max().item<long>()}.", nameof(labels));
        }

        var onehot = torch.nn.functional.one_hot(y, classes).to(torch.float64);   // [N, C]
        var counts = onehot.sum(dim: 0);
        long empty = counts.eq(0).sum().item<long>();
        if (empty > 0)
        {
            throw new ArgumentException($"{empty} of the {classes} classes have no codes; every class needs at least one to have a mean.", nameof(labels));
        }

        var sums = onehot.t().matmul(codes.to(torch.float64));   // [C, latent]
        return (sums / counts.unsqueeze(1)).to(codes.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>The analogy a − b + c ("a is to b as ? is to c"): shapes must match (broadcasting rows is allowed).</summary>
    public static torch.Tensor Analogy(torch.Tensor a, torch.Tensor b, torch.Tensor c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        return a - b + c;
    }

    /// <summary>
    /// Moves codes from class <paramref name="from"/> to class <paramref name="to"/> by the difference of the class means:
    /// z − mean[from] + mean[to]. What the code holds beyond its class (style) is meant to stay.
    /// </summary>
    public static torch.Tensor ChangeClass(torch.Tensor codes, torch.Tensor classMeans, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(classMeans);
        long classes = classMeans.shape[0];
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(from, classes);
        ArgumentOutOfRangeException.ThrowIfNegative(to);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(to, classes);
        return Analogy(codes, classMeans[from], classMeans[to]);
    }
}
