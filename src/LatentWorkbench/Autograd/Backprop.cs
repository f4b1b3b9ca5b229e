using LatentWorkbench.Tensors;

namespace LatentWorkbench.Autograd;

/// <summary>Reverse-mode differentiation: topological order of the graph, then each node's backward rule in reverse.</summary>
internal static class Backprop
{
    [ThreadStatic]
    private static List<Tensor>? t_order;

    [ThreadStatic]
    private static Stack<(Tensor Node, int NextParent)>? t_stack;

    private static int s_stamp;

    public static void Run(Tensor root, Tensor? gradient)
    {
        if (!root.RequiresGrad)
        {
            throw new InvalidOperationException("Backward() needs a tensor that requires gradients (was any input a parameter, and was recording enabled?).");
        }

        if (root.GraphReleased)
        {
            throw new InvalidOperationException("This tensor's graph was already released by an earlier Backward(); run the forward pass again to backpropagate again.");
        }

        if (gradient is null && root.Length != 1)
        {
            throw new ArgumentException($"Backward() without a gradient needs a one-element tensor; this one has shape {ShapeMath.Format(root.ShapeArray)}.", nameof(gradient));
        }

        if (gradient is not null && !ShapeMath.SameShape(gradient.ShapeArray, root.ShapeArray))
        {
            throw new ArgumentException($"The gradient's shape {ShapeMath.Format(gradient.ShapeArray)} must equal the tensor's {ShapeMath.Format(root.ShapeArray)}.", nameof(gradient));
        }

        var order = t_order ??= new List<Tensor>(256);
        order.Clear();
        TopologicalOrder(root, order);

        var rootGrad = root.GradSpan();
        if (gradient is null)
        {
            rootGrad[0] += 1f;
        }
        else
        {
            System.Numerics.Tensors.TensorPrimitives.Add(rootGrad, gradient.Span, rootGrad);
        }

        using (GradMode.NoGrad())
        {
            for (int i = order.Count - 1; i >= 0; i--)
            {
                var node = order[i];
                if (node.BackwardFn is not null && node.Grad is not null)
                {
                    node.BackwardFn();
                }
            }
        }

        // Release the graph: intermediate results forget their inputs and gradients, so their memory can go.
        foreach (var node in order)
        {
            if (node.BackwardFn is not null)
            {
                node.BackwardFn = null;
                node.Parents = null;
                node.Grad = null;
                node.GraphReleased = true;
            }
        }

        order.Clear();
    }

    /// <summary>Post-order DFS without recursion (deep graphs must not overflow the stack).</summary>
    private static void TopologicalOrder(Tensor root, List<Tensor> order)
    {
        int stamp = Interlocked.Increment(ref s_stamp);
        var stack = t_stack ??= new Stack<(Tensor, int)>(256);
        stack.Clear();
        root.VisitStamp = stamp;
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var parents = node.Parents;
            if (parents is not null && next < parents.Length)
            {
                stack.Push((node, next + 1));
                var parent = parents[next];
                if (parent.RequiresGrad && parent.VisitStamp != stamp)
                {
                    parent.VisitStamp = stamp;
                    stack.Push((parent, 0));
                }
            }
            else
            {
                order.Add(node);
            }
        }
    }
}
