using System.Diagnostics;
using System.Globalization;

namespace LatentWorkbench.Runs;

/// <summary>
/// The process that trains a run: its id, host and start time, recorded with the run so that a later look at the
/// store can tell a run whose process is gone (killed, crashed, machine rebooted) from one still training.
/// </summary>
/// <param name="ProcessId">The operating system's process id.</param>
/// <param name="Host">The machine's name (<see cref="Environment.MachineName"/>): a process id means something only there.</param>
/// <param name="StartTime">When the process started, as the operating system reports it; guards against a reused id.</param>
internal sealed record RunOwner(int ProcessId, string Host, string StartTime)
{
    /// <summary>This process.</summary>
    public static RunOwner Current { get; } = new(Environment.ProcessId, Environment.MachineName, StartTimeOf(Environment.ProcessId) ?? "");

    /// <summary>
    /// True when this owner's process certainly no longer runs: it is on this host and no process has its id, or the
    /// process with that id started at another time. A run of another host, or of an unknown start time, is never called gone.
    /// </summary>
    public bool IsGone()
    {
        if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal) || StartTime.Length == 0)
        {
            return false;
        }

        string? now = StartTimeOf(ProcessId);
        return now is null || !string.Equals(now, StartTime, StringComparison.Ordinal);
    }

    /// <summary>The process's start time in a form that is the same every time it is read, or null when there is no such process.</summary>
    private static string? StartTimeOf(int processId)
    {
        if (OperatingSystem.IsLinux())
        {
            // Field 22 of /proc/PID/stat: clock ticks from boot to the start. Exact, unlike a DateTime computed from it.
            try
            {
                string stat = File.ReadAllText($"/proc/{processId}/stat");
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // A zombie (killed, not yet reaped by its parent) or dead task is gone for our purpose.
                return fields[0] is "Z" or "X" ? null : fields[19];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return process.StartTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
