using System.Runtime.InteropServices;

namespace LatentWorkbench.Compute.Native;

/// <summary>
/// Sets OpenMP's wait policy for libtorch before its OpenMP runtime loads (it reads the environment once, at load).
/// </summary>
/// <remarks>
/// Idle OpenMP workers spin between parallel regions. On a 2-core machine that is also running anything else
/// (a notebook kernel, a build, another process) long spins take the cores from the threads doing work: a VAE
/// epoch measured here went from 3.6 s to 165 s under a parallel build with libgomp's default spin. Measured on
/// the seed-VAE epoch (2 threads; quiet / beside two busy loops): ACTIVE 2.7 s / 30.9 s, PASSIVE (no spin)
/// 4.5 s / 10.5 s, PASSIVE with a short spin (<c>GOMP_SPINCOUNT=30000</c>) 3.3 s / 9.0 s: the short spin is the
/// best of both, so it is the default. Values the user set (either variable) are kept. .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach native <c>getenv</c> on Unix,
/// so this calls libc's <c>setenv</c>.
/// </remarks>
internal static partial class OpenMpEnvironment
{
    /// <summary>The variable libgomp reads.</summary>
    public const string WaitPolicyVariable = "OMP_WAIT_POLICY";

    /// <summary>The policy set when the user set none.</summary>
    public const string DefaultWaitPolicy = "PASSIVE";

    /// <summary>libgomp's spin count before a waiting worker sleeps.</summary>
    public const string SpinCountVariable = "GOMP_SPINCOUNT";

    /// <summary>The spin count set with <see cref="DefaultWaitPolicy"/> (libgomp's own default is 300,000; PASSIVE alone means 0).</summary>
    public const string DefaultSpinCount = "30000";

    /// <summary>
    /// Unless the user set <see cref="WaitPolicyVariable"/> or <see cref="SpinCountVariable"/>, sets them to
    /// <see cref="DefaultWaitPolicy"/> and <see cref="DefaultSpinCount"/>; returns what is in force, e.g. <c>PASSIVE, spin 30000</c>.
    /// </summary>
    public static string EnsureWaitPolicy()
    {
        string? policy = Environment.GetEnvironmentVariable(WaitPolicyVariable);
        string? spin = Environment.GetEnvironmentVariable(SpinCountVariable);
        if (string.IsNullOrEmpty(policy) && string.IsNullOrEmpty(spin))
        {
            Set(WaitPolicyVariable, policy = DefaultWaitPolicy);
            Set(SpinCountVariable, spin = DefaultSpinCount);
        }

        return $"{(string.IsNullOrEmpty(policy) ? "default" : policy)}, spin {(string.IsNullOrEmpty(spin) ? "default" : spin)}";
    }

    private static void Set(string name, string value)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SetEnv(name, value, 0);
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
