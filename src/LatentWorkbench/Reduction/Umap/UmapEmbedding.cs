using TorchSharp;

namespace LatentWorkbench.Reduction.Umap;

/// <summary>A fitted UMAP embedding: the points, the graph they were laid out against, and what each stage took.</summary>
/// <remarks>Points are N×<see cref="Dimensions"/> float32, row-major; the state is read-only (copies on request).</remarks>
public sealed class UmapEmbedding
{
    private readonly float[] _points;

    internal UmapEmbedding(float[] points, int dims, FuzzySimplicialSet graph, double a, double b, UmapStart start, int epochs, UmapTimings timings)
    {
        _points = points;
        Dimensions = dims;
        Graph = graph;
        A = a;
        B = b;
        Initialization = start.Used;
        InitializationNote = start.Note;
        Epochs = epochs;
        Timings = timings;
    }

    /// <summary>N, the number of points.</summary>
    public int Count => Graph.Count;

    /// <summary>The embedding dimension.</summary>
    public int Dimensions { get; }

    /// <summary>The fuzzy simplicial set the layout was optimised against.</summary>
    public FuzzySimplicialSet Graph { get; }

    /// <summary>The curve parameter a of φ(d) = 1 / (1 + a·d^(2b)).</summary>
    public double A { get; }

    /// <summary>The curve parameter b.</summary>
    public double B { get; }

    /// <summary>The initialisation actually used (PCA when a spectral one fell back).</summary>
    public UmapInitialization Initialization { get; }

    /// <summary>Why the initialisation fell back; null when it did not.</summary>
    public string? InitializationNote { get; }

    /// <summary>Layout epochs run (fewer than planned when a callback stopped the run).</summary>
    public int Epochs { get; }

    /// <summary>Wall seconds of each stage.</summary>
    public UmapTimings Timings { get; }

    /// <summary>Coordinate <paramref name="dimension"/> of point <paramref name="index"/>.</summary>
    public float this[int index, int dimension] => _points[(index * Dimensions) + dimension];

    /// <summary>The points as a new float32 tensor [N, dims] on the CPU (for metrics and plots).</summary>
    public torch.Tensor ToTensor() => ToMatrix().ToTensor();

    /// <summary>The points as a matrix our kernels read (a copy).</summary>
    internal Matrix ToMatrix() => new((float[])_points.Clone(), Count, Dimensions);

    /// <summary>The points as a new N×dims float64 array, row-major.</summary>
    internal double[] ToArray() => Array.ConvertAll(_points, v => (double)v);
}
