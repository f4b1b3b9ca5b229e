using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using LatentWorkbench.Kernels;

namespace LatentWorkbench.Cli.Commands;

/// <content>The NumPy/OpenBLAS reference: a long-lived <c>/usr/bin/python3</c> process timing the same shapes.</content>
internal static partial class GemmBenchCommand
{
    private const string PythonPath = "/usr/bin/python3";

    // Protocol, one JSON object per line: {"cmd": "setup", shape...} warms up and calibrates a batch the way ours
    // does; {"cmd": "batch"} times one batch and answers the seconds per product.
    private const string NumpyScript = """
        import json, sys, time
        import numpy as np
        try:
            from threadpoolctl import threadpool_limits
            threadpool_limits(int(sys.argv[1]))
        except Exception:
            pass  # OPENBLAS_NUM_THREADS, set by the caller, already applies
        rng = np.random.default_rng(0)
        print(json.dumps({"numpy": np.__version__}), flush=True)
        f = None
        for line in sys.stdin:
            s = json.loads(line)
            if s["cmd"] == "setup":
                m, n, k = s["m"], s["n"], s["k"]
                a = rng.random((k, m) if s["transA"] else (m, k), dtype=np.float32)
                b = rng.random((n, k) if s["transB"] else (k, n), dtype=np.float32)
                opa = a.T if s["transA"] else a
                opb = b.T if s["transB"] else b
                c = np.empty((m, n), dtype=np.float32)
                f = lambda: np.matmul(opa, opb, out=c)
                f()
                t0 = time.perf_counter(); calls = 0
                while time.perf_counter() - t0 < s["minBatch"]:
                    f(); calls += 1
                calls = max(calls, 1)
                print(json.dumps({"calls": calls}), flush=True)
            else:
                t0 = time.perf_counter()
                for _ in range(calls):
                    f()
                print(json.dumps({"seconds": (time.perf_counter() - t0) / calls}), flush=True)
        """;

    /// <summary>A long-lived Python process answering one timing request per line.</summary>
    private sealed class NumpyReference : IDisposable
    {
        private readonly Process _process;

        private NumpyReference(Process process, string version)
        {
            _process = process;
            Version = version;
        }

        public string Version { get; }

        public static NumpyReference? TryStart(int threads)
        {
            if (!File.Exists(PythonPath))
            {
                Console.Error.WriteLine($"gemm: {PythonPath} not found; NumPy reference skipped.");
                return null;
            }

            var info = new ProcessStartInfo(PythonPath) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(NumpyScript);
            info.ArgumentList.Add(threads.ToString(CultureInfo.InvariantCulture));
            foreach (string variable in new[] { "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS" })
            {
                info.Environment[variable] = threads.ToString(CultureInfo.InvariantCulture);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {PythonPath}");
            string? hello = process.StandardOutput.ReadLine();
            if (hello is null)
            {
                process.WaitForExit();
                process.Dispose();
                Console.Error.WriteLine("gemm: NumPy is not importable by /usr/bin/python3; reference skipped.");
                return null;
            }

            string version = JsonNode.Parse(hello)?["numpy"]?.GetValue<string>() ?? "?";
            return new NumpyReference(process, $"NumPy {version}, {threads} thread(s)");
        }

        public void Setup(GemmShape shape)
        {
            var request = new JsonObject { ["cmd"] = "setup", ["m"] = shape.M, ["n"] = shape.N, ["k"] = shape.K, ["transA"] = shape.TransA, ["transB"] = shape.TransB, ["minBatch"] = 0.05 };
            Ask(request.ToJsonString());
        }

        public double TimeBatch()
        {
            var answer = Ask("{\"cmd\": \"batch\"}");
            return answer["seconds"]?.GetValue<double>() ?? throw new InvalidOperationException($"unexpected NumPy answer: {answer.ToJsonString()}");
        }

        private JsonNode Ask(string request)
        {
            _process.StandardInput.WriteLine(request);
            _process.StandardInput.Flush();
            string answer = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the NumPy reference process ended unexpectedly");
            return JsonNode.Parse(answer) ?? throw new InvalidOperationException($"unexpected NumPy answer: {answer}");
        }

        public void Dispose()
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }

            _process.Dispose();
        }
    }
}
