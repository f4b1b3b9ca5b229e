using System.Runtime.CompilerServices;

namespace LatentWorkbench.Kernels;

/// <summary>
/// The Goto/BLIS loop nest around a micro-kernel: C is split into rectangular regions, one per worker; each
/// region runs jc (columns, Nc) → pc (depth, Kc) → pack B → ic (rows, Mc) → pack A → jr (Nr) → ir (Mr) → kernel.
/// </summary>
/// <remarks>
/// <para>
/// Cache roles (Zen 4/5: 32–48 KB L1d, 1 MB L2 per core): the kc×Nr B micro-panel is reused by every
/// Mr-row A micro-panel of the block and stays in L1; the mc×kc packed A block stays in L2; the kc×nc packed
/// B block stays in L2/L3.
/// </para>
/// <para>
/// Determinism: the depth is cut into blocks that depend on k only, each element's sum runs over them in
/// increasing order and within a block in increasing p, and each C element belongs to exactly one region.
/// The region grid (which depends on the thread budget) therefore changes who computes an element, never
/// how: results are bitwise identical for every thread count.
/// </para>
/// </remarks>
internal static unsafe class GemmDriver
{
    /// <summary>Largest depth block: the B micro-panel (Kc·Nr floats, 32 KB for Nr = 32) fits L1.</summary>
    internal const int MaxKc = 256;

    /// <summary>Rows of op(A) packed at once (rounded to a multiple of Mr): Mc·Kc floats fit L2.</summary>
    internal const int TargetMc = 96;

    /// <summary>Columns of op(B) packed at once (rounded to a multiple of Nr): Kc·Nc floats fit L2.</summary>
    internal const int TargetNc = 512;

    /// <summary>Modelled cost of waking one more worker (Parallel.For hand-off, ~10–20 µs), in multiply-adds; measured on the VAE shapes.</summary>
    internal const double ParallelOverheadMacs = 1_500_000;

    /// <summary>Cost of packing one element, in multiply-add equivalents (scalar copy against 32 FMA lanes/cycle).</summary>
    private const double PackCostMacs = 16;

    /// <summary>Runs the whole product with <typeparamref name="TKernel"/> on up to <paramref name="maxThreads"/> threads.</summary>
    public static void Run<TKernel>(GemmProblem g, int maxThreads)
        where TKernel : struct, IGemmMicroKernel
    {
        var (rowParts, colParts) = ChooseGrid(g.M, g.N, g.K, TKernel.Mr, TKernel.Nr, maxThreads);
        int regions = rowParts * colParts;
        if (regions == 1)
        {
            RunRegion<TKernel>(g, 0, g.M, 0, g.N);
            return;
        }

        RunRegions<TKernel>(g, rowParts, colParts);
    }

    /// <summary>One region per task (kept out of <see cref="Run{TKernel}"/> so the single-region path allocates no closure).</summary>
    private static void RunRegions<TKernel>(GemmProblem g, int rowParts, int colParts)
        where TKernel : struct, IGemmMicroKernel
    {
        int mPanels = CeilDiv(g.M, TKernel.Mr), nPanels = CeilDiv(g.N, TKernel.Nr);
        var options = new ParallelOptions { MaxDegreeOfParallelism = rowParts * colParts };
        Parallel.For(0, rowParts * colParts, options, region =>
        {
            var (p0, p1) = ParallelKernel.Range(region / colParts, rowParts, mPanels);
            var (q0, q1) = ParallelKernel.Range(region % colParts, colParts, nPanels);
            RunRegion<TKernel>(
                g,
                p0 * TKernel.Mr,
                Math.Min(g.M, p1 * TKernel.Mr),
                q0 * TKernel.Nr,
                Math.Min(g.N, q1 * TKernel.Nr));
        });
    }

    /// <summary>
    /// Picks the region grid (rows × columns of C) that minimises the modelled time of the slowest worker:
    /// its multiply-adds (whole Mr×Nr tiles) plus the elements it packs (its A rows per column block, its B
    /// columns), plus a start-up cost per extra thread. Small products stay on one thread.
    /// </summary>
    internal static (int RowParts, int ColParts) ChooseGrid(int m, int n, int k, int mr, int nr, int maxThreads)
    {
        int mPanels = CeilDiv(m, mr), nPanels = CeilDiv(n, nr);
        var best = (RowParts: 1, ColParts: 1);
        double bestCost = double.MaxValue;
        for (int threads = 1; threads <= maxThreads; threads++)
        {
            for (int rowParts = 1; rowParts <= threads; rowParts++)
            {
                if (threads % rowParts != 0)
                {
                    continue;
                }

                int colParts = threads / rowParts;
                if (rowParts > mPanels || colParts > nPanels)
                {
                    continue;
                }

                double rows = (double)CeilDiv(mPanels, rowParts) * mr;
                double cols = (double)CeilDiv(nPanels, colParts) * nr;
                double macs = rows * cols * k;
                double packs = (rows * k * CeilDiv((int)cols, TargetNc)) + (cols * k);
                double cost = macs + (PackCostMacs * packs) + (ParallelOverheadMacs * (threads - 1));
                if (cost < bestCost)
                {
                    bestCost = cost;
                    best = (rowParts, colParts);
                }
            }
        }

        return best;
    }

    /// <summary>Depth of each k block: ⌈k / ⌈k/MaxKc⌉⌉, a function of k alone (so the summation order is too).</summary>
    internal static int DepthBlock(int k) => CeilDiv(k, CeilDiv(k, MaxKc));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunRegion<TKernel>(GemmProblem g, int i0, int i1, int j0, int j1)
        where TKernel : struct, IGemmMicroKernel
    {
        int mr = TKernel.Mr, nr = TKernel.Nr;
        int kcStep = DepthBlock(g.K);
        int mcStep = Math.Max(mr, TargetMc / mr * mr);
        int ncStep = Math.Max(nr, TargetNc / nr * nr);
        var scratch = GemmScratch.Current;
        float* aPack = scratch.A((nuint)(CeilDiv(Math.Min(mcStep, i1 - i0), mr) * mr * kcStep));
        float* bPack = scratch.B((nuint)(CeilDiv(Math.Min(ncStep, j1 - j0), nr) * nr * kcStep));
        float* tile = stackalloc float[mr * nr];

        for (int jc = j0; jc < j1; jc += ncStep)
        {
            int nc = Math.Min(ncStep, j1 - jc);
            for (int pc = 0; pc < g.K; pc += kcStep)
            {
                int kc = Math.Min(kcStep, g.K - pc);
                bool first = pc == 0;

                // The first depth block applies beta (and must not read C when beta is 0); later blocks accumulate.
                bool readC = !first || g.Beta != 0f;
                float beta = first ? g.Beta : 1f;
                GemmPacking.PackB(g.TransB, g.B, g.Ldb, pc, kc, jc, nc, nr, bPack);
                for (int ic = i0; ic < i1; ic += mcStep)
                {
                    int mc = Math.Min(mcStep, i1 - ic);
                    GemmPacking.PackA(g.TransA, g.A, g.Lda, ic, mc, pc, kc, mr, aPack);
                    MacroKernel<TKernel>(kc, mc, nc, aPack, bPack, g.C + ((nint)ic * g.Ldc) + jc, g.Ldc, g.Alpha, beta, readC, tile);
                }
            }
        }
    }

    /// <summary>All Mr×Nr tiles of one packed mc×kc A block times one packed kc×nc B block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MacroKernel<TKernel>(int kc, int mc, int nc, float* aPack, float* bPack, float* c, nint ldc, float alpha, float beta, bool readC, float* tile)
        where TKernel : struct, IGemmMicroKernel
    {
        int mr = TKernel.Mr, nr = TKernel.Nr;
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            float* bPanel = bPack + ((nint)jr * kc);
            for (int ir = 0; ir < mc; ir += mr)
            {
                int rows = Math.Min(mr, mc - ir);
                float* aPanel = aPack + ((nint)ir * kc);
                float* cTile = c + ((nint)ir * ldc) + jr;
                if (rows == mr && cols == nr)
                {
                    TKernel.Run(kc, aPanel, bPanel, cTile, ldc, alpha, beta, readC);
                }
                else
                {
                    // Edge tile: the kernel writes the raw sums to a scratch tile; the valid part is then combined
                    // with C by the same formula the kernel uses, so edge elements round exactly like the rest.
                    TKernel.Run(kc, aPanel, bPanel, tile, nr, 1f, 0f, false);
                    WriteEdgeTile(tile, nr, rows, cols, cTile, ldc, alpha, beta, readC);
                }
            }
        }
    }

    private static void WriteEdgeTile(float* tile, int nr, int rows, int cols, float* c, nint ldc, float alpha, float beta, bool readC)
    {
        for (int r = 0; r < rows; r++)
        {
            float* cRow = c + ((nint)r * ldc);
            float* tRow = tile + (r * nr);
            for (int j = 0; j < cols; j++)
            {
                float scaled = alpha * tRow[j];
                cRow[j] = readC ? MathF.FusedMultiplyAdd(beta, cRow[j], scaled) : scaled;
            }
        }
    }

    private static int CeilDiv(int x, int y) => (x + y - 1) / y;
}
