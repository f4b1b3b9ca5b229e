namespace LatentWorkbench.Kernels;

/// <summary>
/// A point-region quadtree over a 2-D embedding, stored as one flat array of node structs for the Barnes–Hut sums.
/// </summary>
/// <remarks>
/// Node k covers a square of half-width HalfWidth[k]; its points are Order[Start[k]..End[k]) (points are permuted
/// in place while building, so every node's points are contiguous); children of an inner node are the four nodes
/// FirstChild[k]..FirstChild[k]+3 (quadrants: lower-left, lower-right, upper-left, upper-right). Leaves have
/// FirstChild = −1 and hold at most 8 points, or any number at the depth limit
/// (coincident points). The coordinates are also copied in tree order, so a node's points are one contiguous run.
/// </remarks>
internal sealed partial class QuadTree
{
    public const int MaxDepth = 48;
    private const int LeafSize = 8;

    // Array of structs: one traversal step touches one 40-byte node, not six arrays.
    private Node[] _tree = new Node[64];
    private int _nodes;
    private double[] _y = [];

    // The points copied in tree order: a leaf's points are contiguous, so its exact sum streams one short run.
    private readonly double[] _sorted;

    /// <summary>An empty tree for <paramref name="points"/> 2-D points; <see cref="Rebuild"/> fills it.</summary>
    /// <remarks>
    /// t-SNE rebuilds the tree every iteration: one tree reused for the whole run keeps its node, order and coordinate
    /// arrays (about 3 MB for 70,000 points), where a new tree per iteration left that much garbage for the collector
    /// each time (6.8 GB over a 1,000-iteration run of all MNIST, and the working set rose with it between collections).
    /// </remarks>
    public QuadTree(int points)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        _sorted = new double[2 * points];
        Order = new int[points];
    }

    /// <summary>Point indices in tree order.</summary>
    public int[] Order { get; }

    /// <summary>Builds a new tree over the N×2 points <paramref name="y"/>.</summary>
    public static QuadTree Build(double[] y) => new QuadTree(y.Length / 2).Rebuild(y);

    /// <summary>
    /// Rebuilds this tree over the N×2 points <paramref name="y"/> (N as constructed), reusing its arrays; the result is
    /// the same tree <see cref="Build"/> gives (the point order starts from the identity every time).
    /// </summary>
    public QuadTree Rebuild(double[] y)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Length != _sorted.Length)
        {
            throw new ArgumentException($"y holds {y.Length / 2} points; this tree was made for {Order.Length}.", nameof(y));
        }

        _y = y;
        _nodes = 0;
        for (int i = 0; i < Order.Length; i++)
        {
            Order[i] = i;
        }

        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < y.Length; i += 2)
        {
            minX = Math.Min(minX, y[i]);
            maxX = Math.Max(maxX, y[i]);
            minY = Math.Min(minY, y[i + 1]);
            maxY = Math.Max(maxY, y[i + 1]);
        }

        double half = (Math.Max(maxX - minX, maxY - minY) / 2 * (1 + 1e-9)) + 1e-12;
        NewNode();
        BuildNode(0, 0, Order.Length, (minX + maxX) / 2, (minY + maxY) / 2, half, 0);
        for (int position = 0; position < Order.Length; position++)
        {
            int i = Order[position];
            _sorted[2 * position] = y[2 * i];
            _sorted[(2 * position) + 1] = y[(2 * i) + 1];
        }

        return this;
    }

    private int NewNode()
    {
        if (_nodes == _tree.Length)
        {
            Array.Resize(ref _tree, _nodes * 2);
        }

        return _nodes++;
    }

    private void BuildNode(int node, int start, int end, double centerX, double centerY, double half, int depth)
    {
        int count = end - start;
        double sumX = 0, sumY = 0;
        for (int position = start; position < end; position++)
        {
            int i = Order[position];
            sumX += _y[2 * i];
            sumY += _y[(2 * i) + 1];
        }

        _tree[node] = new Node
        {
            Count = count,
            Start = start,
            Width2 = 4 * half * half,
            ComX = count > 0 ? sumX / count : centerX,
            ComY = count > 0 ? sumY / count : centerY,
            FirstChild = -1,
        };
        if (count <= LeafSize || depth >= MaxDepth)
        {
            return;
        }

        // Partition by y (lower half first), then each half by x: four contiguous quadrants.
        int middle = Partition(start, end, 1, centerY);
        int lowerSplit = Partition(start, middle, 0, centerX);
        int upperSplit = Partition(middle, end, 0, centerX);
        int first = NewNode();
        NewNode();
        NewNode();
        NewNode();
        _tree[node].FirstChild = first;
        double quarter = half / 2;
        BuildNode(first, start, lowerSplit, centerX - quarter, centerY - quarter, quarter, depth + 1);
        BuildNode(first + 1, lowerSplit, middle, centerX + quarter, centerY - quarter, quarter, depth + 1);
        BuildNode(first + 2, middle, upperSplit, centerX - quarter, centerY + quarter, quarter, depth + 1);
        BuildNode(first + 3, upperSplit, end, centerX + quarter, centerY + quarter, quarter, depth + 1);
    }

    /// <summary>Reorders Order[start..end) so points with coordinate &lt; pivot come first; returns the split.</summary>
    private int Partition(int start, int end, int axis, double pivot)
    {
        int left = start, right = end - 1;
        while (left <= right)
        {
            if (_y[(2 * Order[left]) + axis] < pivot)
            {
                left++;
            }
            else
            {
                (Order[left], Order[right]) = (Order[right], Order[left]);
                right--;
            }
        }

        return left;
    }

    private struct Node
    {
        public double ComX;
        public double ComY;
        public double Width2;
        public int Count;
        public int FirstChild;
        public int Start;
    }
}
