using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Latent;

/// <summary>How smoothly a decoded path changes: the distances between consecutive decoded images.</summary>
/// <remarks>A path that stays on the data manifold morphs gradually (small, even steps); one that jumps between modes or
/// passes through blank regions shows a few large steps.</remarks>
public static class PathSmoothness
{
    /// <summary>‖xᵢ₊₁ − xᵢ‖₂ for each consecutive pair of images [S, D]: a float64 CPU tensor [S − 1].</summary>
    public static torch.Tensor StepDistances(torch.Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.shape.Length != 2 || images.shape[0] < 2)
        {
            throw new ArgumentException($"images must be a path of at least two rows, [S, D]; got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        using var scope = torch.NewDisposeScope();
        long s = images.shape[0];
        var steps = (images.narrow(0, 1, s - 1) - images.narrow(0, 0, s - 1)).to(torch.float64).pow(2).sum(dim: 1).sqrt();
        return steps.cpu().MoveToOuterDisposeScope();
    }

    /// <summary>The mean of <see cref="StepDistances"/>: the smoothness number (smaller is smoother for the same endpoints).</summary>
    public static double MeanStepDistance(torch.Tensor images)
    {
        using var steps = StepDistances(images);
        return TensorValues.Doubles(steps).Average();
    }
}
