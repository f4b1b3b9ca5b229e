using System.CommandLine;
using LatentWorkbench.Common;
using LatentWorkbench.Data;
using Spectre.Console;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// Wraps a command's work so that every failure becomes a one-line error on stderr and exit code 1,
/// never a stack trace (set WORKBENCH_DEBUG=1 to see one).
/// </summary>
internal static class CliAction
{
    /// <summary>Exit code for a failure the user can fix (bad input, missing data).</summary>
    public const int Failure = 1;

    /// <summary>Attaches <paramref name="work"/> to <paramref name="command"/> with the error policy above.</summary>
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> work) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await work(parseResult, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                WriteError("cancelled");
                return Failure;
            }
            catch (Exception e) when (IsUserFacing(e))
            {
                // Argument errors carry "(Parameter 'x')" and "Actual value was y" on extra lines: keep them, on one line.
                WriteError(e is ArgumentException ? e.Message.ReplaceLineEndings(" ") : e.Message);
                if (Environment.GetEnvironmentVariable("WORKBENCH_DEBUG") == "1")
                {
                    Console.Error.WriteLine(e);
                }

                return Failure;
            }
        });

    /// <summary>Prints "error: message" on stderr.</summary>
    public static void WriteError(string message) => Console.Error.WriteLine($"error: {message}");

    private static bool IsUserFacing(Exception e) => e is not (OutOfMemoryException or StackOverflowException or AccessViolationException);

    /// <summary>A stderr console for progress, so stdout stays clean for results and JSON.</summary>
    public static IAnsiConsole ProgressConsole { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });

    /// <summary>Reports fetch progress as plain lines on stderr.</summary>
    public static IProgress<string> LineProgress { get; } = new SynchronousProgress<string>(m => Console.Error.WriteLine($"  {m}"));

    /// <summary>The MNIST folder from a --dir option, or the default.</summary>
    public static string MnistDirectory(string? option) =>
        string.IsNullOrWhiteSpace(option) ? DataPaths.MnistDirectory() : Path.GetFullPath(option);
}
