using System.Text;

namespace LatentWorkbench.Notebooks.Scripting;

/// <summary>
/// Console.Out / Console.Error while notebooks run: text written on the asynchronous flow of a running cell
/// goes to that cell's <c>stream</c> output; everything else (other threads, progress, other tests) goes to
/// the original writer. Routing by flow rather than swapping writers per cell keeps concurrent writers apart.
/// Installed while at least one run is active; the original writers are restored when the last run ends.
/// </summary>
internal sealed class ConsoleRouter : TextWriter
{
    private static readonly object Gate = new();
    private static int _activeRuns;
    private static TextWriter? _originalOut;
    private static TextWriter? _originalError;
    private static TextWriter? _installedOut;
    private static TextWriter? _installedError;

    private readonly string _streamName;
    private readonly TextWriter _fallback;

    private ConsoleRouter(string streamName, TextWriter fallback)
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        _streamName = streamName;
        _fallback = fallback;
    }

    /// <inheritdoc/>
    public override Encoding Encoding => _fallback.Encoding;

    /// <summary>Installs the router (once for all concurrent runs); dispose to uninstall.</summary>
    public static IDisposable Install()
    {
        lock (Gate)
        {
            if (_activeRuns++ == 0)
            {
                _originalOut = Console.Out;
                _originalError = Console.Error;
                Console.SetOut(new ConsoleRouter("stdout", _originalOut));
                Console.SetError(new ConsoleRouter("stderr", _originalError));
                _installedOut = Console.Out;
                _installedError = Console.Error;
            }
        }

        return new Uninstaller();
    }

    /// <inheritdoc/>
    public override void Write(char value) => Write(value.ToString());

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        if (Kernel.Current is { } cell)
        {
            cell.WriteStream(_streamName, value);
        }
        else
        {
            _fallback.Write(value);
        }
    }

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Write(value + NewLine);

    /// <inheritdoc/>
    public override void Flush()
    {
        if (Kernel.Current is null)
        {
            _fallback.Flush();
        }
    }

    private sealed class Uninstaller : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            lock (Gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                // Restore only what is still ours: a writer someone installed meanwhile stays.
                if (--_activeRuns == 0)
                {
                    if (ReferenceEquals(Console.Out, _installedOut))
                    {
                        Console.SetOut(_originalOut!);
                    }

                    if (ReferenceEquals(Console.Error, _installedError))
                    {
                        Console.SetError(_originalError!);
                    }
                }
            }
        }
    }
}
