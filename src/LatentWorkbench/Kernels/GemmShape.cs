namespace LatentWorkbench.Kernels;

/// <summary>One GEMM shape to time: C(m×n) = op(A)(m×k) · op(B)(k×n).</summary>
/// <param name="Name">Label shown in tables (e.g. "1024³" or "fc1 forward").</param>
/// <param name="M">Rows of C.</param>
/// <param name="N">Columns of C.</param>
/// <param name="K">Depth.</param>
/// <param name="TransA">Whether A is stored k×m.</param>
/// <param name="TransB">Whether B is stored n×k.</param>
internal sealed record GemmShape(string Name, int M, int N, int K, bool TransA, bool TransB)
{
    /// <summary>Floating-point operations of one product: 2·m·n·k.</summary>
    public double Flops => 2.0 * M * N * K;

    /// <summary>A square n×n×n product.</summary>
    public static GemmShape Square(int size) => new($"{size}³", size, size, size, false, false);

    /// <summary>
    /// The seed VAE's products at batch 128 (PyTorch Linear: y = x·Wᵀ with W stored out×in): for each layer
    /// the forward x·Wᵀ, the input gradient dy·W and the weight gradient dyᵀ·x.
    /// </summary>
    public static IReadOnlyList<GemmShape> VaeLayers(int batch = 128)
    {
        var layers = new (string Name, int In, int Out)[] { ("fc1 784→400", 784, 400), ("fc21 400→20", 400, 20), ("fc3 20→400", 20, 400), ("fc4 400→784", 400, 784) };
        var shapes = new List<GemmShape>();
        foreach (var (name, inputs, outputs) in layers)
        {
            shapes.Add(new GemmShape($"{name} x·Wᵀ", batch, outputs, inputs, false, true));
            shapes.Add(new GemmShape($"{name} dy·W", batch, inputs, outputs, false, false));
            shapes.Add(new GemmShape($"{name} dyᵀ·x", outputs, inputs, batch, true, false));
        }

        return shapes;
    }
}
