namespace LatentWorkbench.Kernels;

/// <summary>Group traversal: one Barnes–Hut walk per small cluster of points, shared by all its points.</summary>
/// <remarks>
/// A group is a maximal node with at most <c>groupSize</c> points (or a leaf); its points are contiguous in tree order.
/// A cell is summarized for the whole group when s² &lt; θ²·d², with d the distance from the cell's centre of mass to the
/// group's bounding box: d is at most the distance to any point of the group, so every point sees the cell at least as
/// far away as the per-point criterion requires (the approximation is never coarser than per-point Barnes–Hut).
/// Opened leaves contribute their points one by one. The group's own points are always opened (their centre of mass
/// lies inside the box), so each point meets itself exactly once, at distance 0, with weight 1.
/// </remarks>
internal sealed partial class QuadTree
{
    // Reused by every call to Groups, as the tree itself is reused across t-SNE iterations.
    private int[] _groups = new int[64];
    private readonly Stack<int> _groupStack = new();

    // The walks' interaction lists, one per worker, kept with the tree so a reused tree reuses them too (each grows
    // to the longest list its worker met; contents are rewritten for every group, so reuse changes no sum).
    private readonly System.Collections.Concurrent.ConcurrentBag<InteractionList> _lists = [];

    /// <summary>An interaction list for one worker of a walk; give it back with <see cref="ReturnList"/>.</summary>
    public InteractionList RentList() => _lists.TryTake(out var list) ? list : new InteractionList();

    /// <summary>Keeps <paramref name="list"/> for the next walk over this tree.</summary>
    public void ReturnList(InteractionList list) => _lists.Add(list);

    /// <summary>The groups (node indices) in tree order; valid until the next call or rebuild.</summary>
    public ArraySegment<int> Groups(int groupSize)
    {
        int count = 0;
        var stack = _groupStack;
        stack.Clear();
        stack.Push(0);
        while (stack.Count > 0)
        {
            int k = stack.Pop();
            ref readonly Node node = ref _tree[k];
            if (node.Count == 0)
            {
                continue;
            }

            if (node.Count <= groupSize || node.FirstChild < 0)
            {
                if (count == _groups.Length)
                {
                    Array.Resize(ref _groups, 2 * count);
                }

                _groups[count++] = k;
                continue;
            }

            for (int child = node.FirstChild + 3; child >= node.FirstChild; child--)
            {
                stack.Push(child);
            }
        }

        return new ArraySegment<int>(_groups, 0, count);
    }

    /// <summary>First tree-order position and number of points of node <paramref name="k"/>.</summary>
    public (int Start, int Count) Span(int k) => (_tree[k].Start, _tree[k].Count);

    /// <summary>x of the point at tree-order position <paramref name="position"/>.</summary>
    public double SortedX(int position) => _sorted[2 * position];

    /// <summary>y of the point at tree-order position <paramref name="position"/>.</summary>
    public double SortedY(int position) => _sorted[(2 * position) + 1];

    /// <summary>
    /// Fills (xs, ys, counts) with the interactions of the group box [minX, maxX] × [minY, maxY]: summarized cells
    /// (centre of mass, point count) and the points of opened leaves (count 1). Returns the list length.
    /// </summary>
    public int Interactions(double minX, double maxX, double minY, double maxY, double theta2, Span<int> stack, InteractionList list)
    {
        Node[] tree = _tree;
        double[] points = _sorted;
        double centerX = (minX + maxX) / 2, centerY = (minY + maxY) / 2, halfX = (maxX - minX) / 2, halfY = (maxY - minY) / 2;
        int top = 0, length = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            ref readonly Node node = ref tree[stack[--top]];
            double gapX = Math.Max(0, Math.Abs(node.ComX - centerX) - halfX), gapY = Math.Max(0, Math.Abs(node.ComY - centerY) - halfY);
            if (node.Width2 < theta2 * ((gapX * gapX) + (gapY * gapY)))
            {
                list.Add(ref length, node.ComX, node.ComY, node.Count);
                continue;
            }

            int first = node.FirstChild;
            if (first < 0)
            {
                int end = node.Start + node.Count;
                for (int position = node.Start; position < end; position++)
                {
                    list.Add(ref length, points[2 * position], points[(2 * position) + 1], 1);
                }

                continue;
            }

            for (int child = first + 3; child >= first; child--)
            {
                if (tree[child].Count > 0)
                {
                    stack[top++] = child;
                }
            }
        }

        return length;
    }
}
