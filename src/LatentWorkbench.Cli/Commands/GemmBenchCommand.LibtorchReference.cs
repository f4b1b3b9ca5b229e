using System.Diagnostics;
using LatentWorkbench.Compute;
using LatentWorkbench.Kernels;
using TorchSharp;

namespace LatentWorkbench.Cli.Commands;

/// <content>The libtorch reference: <c>torch.mm</c> on the same operands, in this process, on the same threads budget.</content>
internal static partial class GemmBenchCommand
{
    /// <summary>
    /// Times libtorch's matmul (the engine every model already uses, so the alternative to keeping our SGEMM) on one
    /// shape in batches, alternating with ours. Operands are uniform [0, 1) like ours; transposed operands are
    /// transposed views, which libtorch hands to its BLAS as flags (no copy), as our kernel reads them.
    /// </summary>
    private sealed class LibtorchReference : IDisposable
    {
        private readonly torch.Tensor _a;
        private readonly torch.Tensor _b;
        private readonly torch.Tensor _opA;
        private readonly torch.Tensor _opB;
        private readonly int _callsPerBatch;

        public LibtorchReference(GemmShape shape, double minBatchSeconds = 0.05)
        {
            torch.manual_seed(0);
            _a = shape.TransA ? torch.rand(shape.K, shape.M) : torch.rand(shape.M, shape.K);
            _b = shape.TransB ? torch.rand(shape.N, shape.K) : torch.rand(shape.K, shape.N);
            _opA = shape.TransA ? _a.t() : _a.alias();
            _opB = shape.TransB ? _b.t() : _b.alias();
            Once();
            var clock = Stopwatch.StartNew();
            int calls = 0;
            while (clock.Elapsed.TotalSeconds < minBatchSeconds)
            {
                Once();
                calls++;
            }

            _callsPerBatch = Math.Max(1, calls);
        }

        /// <summary>libtorch's version and its intra-op threads, for the header line.</summary>
        public static string Describe(int threads)
        {
            TorchRuntime.EnsureInitialized();
            torch.set_num_threads(threads);
            return $"libtorch {torch.__version__}, {torch.get_num_threads()} thread(s)";
        }

        public double TimeBatch()
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < _callsPerBatch; i++)
            {
                Once();
            }

            return clock.Elapsed.TotalSeconds / _callsPerBatch;
        }

        public void Dispose()
        {
            _opA.Dispose();
            _opB.Dispose();
            _a.Dispose();
            _b.Dispose();
        }

        // TorchSharp 0.107's mm has no out= overload: each product allocates its result, as a reducer calling
        // torch.mm would. The allocation is small against the product for every shape here.
        private void Once() => torch.mm(_opA, _opB).Dispose();
    }
}
