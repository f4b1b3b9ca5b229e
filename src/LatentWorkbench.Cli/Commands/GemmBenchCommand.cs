using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LatentWorkbench.Kernels;
using Spectre.Console;

using LatentWorkbench.Common;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>workbench bench gemm</c>: SGEMM GFLOP/s for square sizes and the products our reducers and metrics run
/// (<see cref="GemmShape.ReducerProducts"/>), beside libtorch's matmul (in this process, on the same thread budget) and
/// NumPy/OpenBLAS (a persistent <c>/usr/bin/python3</c> subprocess), batch by batch so that load from other processes
/// hits every side alike. The libtorch column is the one that decides whether a kernel path earns its place
/// (docs/kernels.md): every model already runs on libtorch, so our SGEMM stays only where it is faster there.
/// </summary>
internal static partial class GemmBenchCommand
{
    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated square sizes n (n×n×n products).", DefaultValueFactory = _ => "128,256,512,1024,2048" };
        var threads = new Option<int>("--threads") { Description = "Threads our kernels may use (sets ParallelKernel.MaxDegreeOfParallelism).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var numpyThreads = new Option<int>("--numpy-threads") { Description = "Threads for the NumPy/OpenBLAS reference (OPENBLAS_NUM_THREADS).", DefaultValueFactory = _ => 2 };
        var ops = new Option<string>("--ops") { Description = "Transpose combinations for the square sizes: any of NN,NT,TN,TT (op(A) then op(B)).", DefaultValueFactory = _ => "NN" };
        var kernel = new Option<string>("--kernel") { Description = "Micro-kernel: Auto, Vector512, Vector256, Vector128 or Scalar (to compare the fallbacks).", DefaultValueFactory = _ => nameof(GemmPath.Auto) };
        var versus = new Option<string?>("--versus-kernel") { Description = "Also time this micro-kernel on every shape, batches interleaved with ours: whether one path earns its place over another." };
        var reps = new Option<int>("--reps") { Description = "Timed batches per shape (each ≥ 50 ms, ours and NumPy alternating); the median is reported.", DefaultValueFactory = _ => 5 };
        var noReducers = new Option<bool>("--no-reducers") { Description = "Skip the reducers' and metrics' products (PCA, k-NN, trustworthiness)." };
        var noLibtorch = new Option<bool>("--no-libtorch") { Description = "Do not run the libtorch matmul reference." };
        var noNumpy = new Option<bool>("--no-numpy") { Description = "Do not run the NumPy reference." };
        var json = new Option<string?>("--json") { Description = "Also write the results as JSON to this file." };
        var command = new Command("gemm", "SGEMM GFLOP/s (square sizes and the reducers' products) against libtorch's matmul and NumPy/OpenBLAS measured in the same run.")
        {
            sizes, ops, kernel, versus, threads, numpyThreads, reps, noReducers, noLibtorch, noNumpy, json,
        };
        CliAction.Set(command, (parse, cancellationToken) =>
        {
            int threadCount = parse.GetValue(threads);
            ParallelKernel.MaxDegreeOfParallelism = threadCount >= 1 ? threadCount
                : throw new ArgumentException($"--threads must be at least 1 (got {threadCount}).");
            int repCount = parse.GetValue(reps) >= 1 ? parse.GetValue(reps) : throw new ArgumentException("--reps must be at least 1.");
            string kernelName = parse.GetValue(kernel) ?? string.Empty;
            var path = Enum.TryParse<GemmPath>(kernelName, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && Gemm.IsSupported(parsed) ? parsed
                : throw new ArgumentException($"--kernel: '{kernelName}' is not Auto, Vector512, Vector256, Vector128 or Scalar, or this CPU lacks it (best here: {Gemm.BestPath}).");
            string? versusName = parse.GetValue(versus);
            GemmPath? versusPath = versusName is null ? null
                : Enum.TryParse<GemmPath>(versusName, ignoreCase: true, out var other) && Enum.IsDefined(other) && Gemm.IsSupported(other) ? other
                : throw new ArgumentException($"--versus-kernel: '{versusName}' is not a micro-kernel this CPU runs (best here: {Gemm.BestPath}).");
            var transposes = ParseOps(parse.GetValue(ops) ?? string.Empty);
            var shapes = ParseSizes(parse.GetValue(sizes) ?? string.Empty)
                .SelectMany(size => transposes.Select(op => GemmShape.Square(size) with { TransA = op.TransA, TransB = op.TransB })).ToList();
            if (!parse.GetValue(noReducers))
            {
                shapes.AddRange(GemmShape.ReducerProducts());
            }

            bool withLibtorch = !parse.GetValue(noLibtorch);
            string libtorch = withLibtorch ? LibtorchReference.Describe(threadCount) : "not run";

            using var numpy = parse.GetValue(noNumpy) ? null : NumpyReference.TryStart(parse.GetValue(numpyThreads));
            Console.Error.WriteLine($"gemm: kernel {(path == GemmPath.Auto ? Gemm.BestPath : path)}, {threadCount} thread(s) ours; {libtorch}; NumPy: {numpy?.Version ?? "not run"}. Shared machine? Compare ratios, not absolute numbers.");
            var rows = new List<JsonObject>();
            foreach (var shape in shapes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Alternate batches (ours, NumPy, ours, ...) so that load from other processes hits both sides alike.
                var timer = new GemmBenchmark(shape, threadCount, path);
                using var torchTimer = withLibtorch ? new LibtorchReference(shape) : null;
                var versusTimer = versusPath is { } vp ? new GemmBenchmark(shape, threadCount, vp) : null;
                var versusSamples = new List<double>();
                numpy?.Setup(shape);
                var oursSamples = new List<double>();
                var torchSamples = new List<double>();
                var numpySamples = new List<double>();
                for (int r = 0; r < repCount; r++)
                {
                    oursSamples.Add(timer.TimeBatch());
                    if (versusTimer is not null)
                    {
                        versusSamples.Add(versusTimer.TimeBatch());
                    }

                    if (torchTimer is not null)
                    {
                        torchSamples.Add(torchTimer.TimeBatch());
                    }

                    if (numpy is not null)
                    {
                        numpySamples.Add(numpy.TimeBatch());
                    }
                }

                double ours = GemmBenchmark.Median(oursSamples);
                double? torchSeconds = torchTimer is null ? null : GemmBenchmark.Median(torchSamples);
                double? theirs = numpy is null ? null : GemmBenchmark.Median(numpySamples);
                var row = new JsonObject
                {
                    ["name"] = shape.Name,
                    ["m"] = shape.M,
                    ["n"] = shape.N,
                    ["k"] = shape.K,
                    ["transA"] = shape.TransA,
                    ["transB"] = shape.TransB,
                    ["ours_seconds"] = ours,
                    ["ours_gflops"] = shape.Flops / ours / 1e9,
                    ["versus_kernel"] = versusPath?.ToString(),
                    ["versus_seconds"] = versusTimer is null ? null : GemmBenchmark.Median(versusSamples),
                    ["libtorch_seconds"] = torchSeconds,
                    ["libtorch_gflops"] = torchSeconds is double l ? shape.Flops / l / 1e9 : null,
                    ["libtorch_ratio"] = torchSeconds is double l2 ? l2 / ours : null,
                    ["numpy_seconds"] = theirs,
                    ["numpy_gflops"] = theirs is double t ? shape.Flops / t / 1e9 : null,
                    ["ratio"] = theirs is double t2 ? t2 / ours : null,
                };
                rows.Add(row);
                Console.Error.WriteLine($"  {shape.Name}: ours {Format(row["ours_gflops"])} GFLOP/s, {(versusPath is null ? string.Empty : $"{versusPath} {Format(shape.Flops / (double)row["versus_seconds"]! / 1e9)}, ")}libtorch {Format(row["libtorch_gflops"])}, NumPy {Format(row["numpy_gflops"])}");
            }

            WriteTable(rows, withLibtorch, numpy is not null);
            string? jsonPath = parse.GetValue(json);
            if (!string.IsNullOrWhiteSpace(jsonPath))
            {
                var document = new JsonObject
                {
                    ["kernel"] = (path == GemmPath.Auto ? Gemm.BestPath : path).ToString(),
                    ["threads"] = threadCount,
                    ["processor_count"] = Environment.ProcessorCount,
                    ["libtorch"] = withLibtorch ? libtorch : null,
                    ["numpy"] = numpy?.Version,
                    ["numpy_threads"] = numpy is null ? null : parse.GetValue(numpyThreads),
                    ["reps"] = repCount,
                    ["results"] = new JsonArray(rows.Select(r => (JsonNode)r).ToArray()),
                };
                AtomicFile.WriteAllText(jsonPath, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static List<int> ParseSizes(string text)
    {
        var result = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int size) || size < 1 || size > 16384)
            {
                throw new ArgumentException($"--sizes: '{part}' is not a size between 1 and 16384 (expected e.g. 128,256,1024).");
            }

            result.Add(size);
        }

        return result;
    }

    private static List<(bool TransA, bool TransB)> ParseOps(string text)
    {
        var result = new List<(bool, bool)>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string op = part.ToUpperInvariant();
            if (op.Length != 2 || op.Any(ch => ch is not ('N' or 'T')))
            {
                throw new ArgumentException($"--ops: '{part}' is not one of NN, NT, TN, TT.");
            }

            result.Add((op[0] == 'T', op[1] == 'T'));
        }

        return result;
    }

    private static void WriteTable(List<JsonObject> rows, bool withLibtorch, bool withNumpy)
    {
        var table = new Table().AddColumn("shape").AddColumn(new TableColumn("m×n×k").RightAligned()).AddColumn("op")
            .AddColumn(new TableColumn("ours GFLOP/s").RightAligned());
        if (withLibtorch)
        {
            table.AddColumn(new TableColumn("libtorch GFLOP/s").RightAligned()).AddColumn(new TableColumn("ours/libtorch").RightAligned());
        }

        if (withNumpy)
        {
            table.AddColumn(new TableColumn("NumPy GFLOP/s").RightAligned()).AddColumn(new TableColumn("ours/NumPy").RightAligned());
        }

        foreach (var row in rows)
        {
            string op = $"{((bool)row["transA"]! ? "T" : "N")}{((bool)row["transB"]! ? "T" : "N")}";
            var cells = new List<string> { Markup.Escape((string)row["name"]!), $"{row["m"]}×{row["n"]}×{row["k"]}", op, Format(row["ours_gflops"]) };
            if (withLibtorch)
            {
                cells.Add(Format(row["libtorch_gflops"]));
                cells.Add(row["libtorch_ratio"] is JsonNode speedup ? ((double)speedup).ToString("F2", CultureInfo.InvariantCulture) : "-");
            }

            if (withNumpy)
            {
                cells.Add(Format(row["numpy_gflops"]));
                cells.Add(row["ratio"] is JsonNode ratio ? ((double)ratio).ToString("F2", CultureInfo.InvariantCulture) : "-");
            }

            table.AddRow(cells.ToArray());
        }

        // Redirected stdout reports 80 columns; the table needs more to keep one line per shape.
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 140);
        AnsiConsole.Write(table);
    }

    private static string Format(JsonNode? value) => value is null ? "-" : ((double)value).ToString("F1", CultureInfo.InvariantCulture);
}
