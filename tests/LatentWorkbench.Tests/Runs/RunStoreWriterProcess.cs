using System.Diagnostics;
using LatentWorkbench.Runs;

namespace LatentWorkbench.Tests.Runs;

/// <summary>
/// The test assembly's entry point (the test SDK's generated one is switched off in the project file), so a
/// test can start this very assembly as a child process: <c>dotnet LatentWorkbench.Tests.dll run-store-writer STORE WRITER RUNS</c>
/// writes RUNS complete runs into STORE, as separate training processes would; <c>training-memory PATH STORE</c> runs
/// <see cref="Training.TrainingMemoryProcess"/>.
/// </summary>
public static class RunStoreWriterProcess
{
    /// <summary>The first argument that selects the writer.</summary>
    public const string Verb = "run-store-writer";

    /// <summary>The first argument that makes the process begin one run of <see cref="RunStoreTests.Key"/> in STORE, print its id and wait to be killed.</summary>
    public const string BeginAndWaitVerb = "run-store-begin-and-wait";

    /// <summary>Epochs each written run records.</summary>
    public const int EpochsPerRun = 3;

    /// <summary>The config each writer trains: unique per writer and run, so every row can be checked.</summary>
    public sealed record WriterConfig(int Writer, int Run);

    /// <summary>Runs the writer when asked to; otherwise does nothing, like the generated entry point.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is [Training.TrainingMemoryProcess.Verb, string path, string memoryStore])
        {
            return Training.TrainingMemoryProcess.Run(path, memoryStore);
        }

        if (args is [BeginAndWaitVerb, string runningStore])
        {
            // Begins a run, says its id, and trains forever: the test kills this process.
            using var run = RunStore.Open(runningStore).Begin(RunStoreTests.Key(), "cpu");
            Console.WriteLine(run.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Thread.Sleep(Timeout.Infinite);
        }

        if (args is not [Verb, string store, string writer, string runs])
        {
            return 0;
        }

        try
        {
            Write(store, int.Parse(writer, System.Globalization.CultureInfo.InvariantCulture), int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture), $"process:{Environment.ProcessId}");
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e);
            return 1;
        }
    }

    /// <summary>Starts <c>dotnet exec ASSEMBLY run-store-writer STORE WRITER RUNS</c> (stderr redirected), by default with this assembly.</summary>
    public static Process Start(string storePath, int writer, int runs, string? assemblyPath = null)
    {
        string assembly = assemblyPath ?? typeof(RunStoreWriterProcess).Assembly.Location;
        string dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet, ["exec", assembly, Verb, storePath, $"{writer}", $"{runs}"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {dotnet}");
    }

    /// <summary>Starts <c>dotnet exec ASSEMBLY run-store-begin-and-wait STORE</c> with its standard output redirected (the run id comes there).</summary>
    public static Process StartBeginAndWait(string storePath)
    {
        string dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet, ["exec", typeof(RunStoreWriterProcess).Assembly.Location, BeginAndWaitVerb, storePath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {dotnet}");
    }

    /// <summary>Waits for a process from <see cref="Start"/> and asserts it exited 0, showing its stderr otherwise.</summary>
    public static void AssertSucceeds(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        using (process)
        {
            string errors = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "a writer process did not finish in 3 minutes");
            Assert.True(process.ExitCode == 0, $"writer exited with {process.ExitCode}: {errors}");
        }
    }

    /// <summary>Opens <paramref name="storePath"/> and writes <paramref name="runs"/> completed runs, each with its epochs and a checkpoint file.</summary>
    public static void Write(string storePath, int writer, int runs, string device)
    {
        var store = RunStore.Open(storePath);
        for (int i = 0; i < runs; i++)
        {
            var result = store.GetOrTrain("writer", new WriterConfig(writer, i), device, run =>
            {
                for (int epoch = 1; epoch <= EpochsPerRun; epoch++)
                {
                    run.RecordEpoch(epoch, new Dictionary<string, double> { ["train_loss"] = writer + (i / 1000.0), ["epoch_squared"] = epoch * epoch });
                }

                string checkpoint = run.CheckpointPath(".bin");
                Directory.CreateDirectory(Path.GetDirectoryName(checkpoint)!);
                File.WriteAllText(checkpoint, $"{writer}/{i}");
                return checkpoint;
            });
            if (result.FromCache)
            {
                throw new InvalidOperationException($"writer {writer} run {i} was unexpectedly found in the cache");
            }
        }
    }
}
