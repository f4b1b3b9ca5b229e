namespace LatentWorkbench.Kernels;

/// <summary>The operands of one validated, non-trivial C = alpha·op(A)·op(B) + beta·C call (row-major, pinned).</summary>
internal readonly unsafe struct GemmProblem
{
    public GemmProblem(bool transA, bool transB, int m, int n, int k, float alpha, float* a, nint lda, float* b, nint ldb, float beta, float* c, nint ldc)
    {
        TransA = transA;
        TransB = transB;
        M = m;
        N = n;
        K = k;
        Alpha = alpha;
        A = a;
        Lda = lda;
        B = b;
        Ldb = ldb;
        Beta = beta;
        C = c;
        Ldc = ldc;
    }

    public bool TransA { get; }

    public bool TransB { get; }

    public int M { get; }

    public int N { get; }

    public int K { get; }

    public float Alpha { get; }

    public float* A { get; }

    public nint Lda { get; }

    public float* B { get; }

    public nint Ldb { get; }

    public float Beta { get; }

    public float* C { get; }

    public nint Ldc { get; }
}
