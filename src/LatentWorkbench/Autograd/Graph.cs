using LatentWorkbench.Tensors;

namespace LatentWorkbench.Autograd;

/// <summary>Records an op's result in the autograd graph (the one place ops touch graph internals).</summary>
internal static class Graph
{
    public static bool Needs(Tensor a) => GradMode.IsEnabled && a.RequiresGrad;

    public static bool Needs(Tensor a, Tensor b) => GradMode.IsEnabled && (a.RequiresGrad || b.RequiresGrad);

    public static bool Needs(Tensor a, Tensor b, Tensor? c) => GradMode.IsEnabled && (a.RequiresGrad || b.RequiresGrad || (c?.RequiresGrad ?? false));

    /// <summary>Makes <paramref name="result"/> a graph node whose gradient <paramref name="backward"/> pushes into <paramref name="parents"/>.</summary>
    public static Tensor Record(Tensor result, Action backward, params Tensor[] parents)
    {
        result.Parents = parents;
        result.BackwardFn = backward;
        result.RequiresGrad = true;
        return result;
    }
}
