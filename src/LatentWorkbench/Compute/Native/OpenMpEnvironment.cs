using System.Runtime.InteropServices;

namespace LatentWorkbench.Compute.Native;

/// <summary>
/// Sets OpenMP's wait policy for libtorch before its OpenMP runtime loads (it reads the environment once, at load).
/// </summary>
/// <remarks>
/// With the default (active) policy, idle OpenMP workers spin between parallel regions; on a 2-core machine
/// that is also running anything else (a notebook kernel, a build, another process) the spinning threads take the
/// cores from the ones doing work, and a VAE epoch measured here went from 3.6 s to 165 s. PASSIVE lets idle
/// workers sleep, as the PyTorch anchor runs. A value the user set is kept. .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach native <c>getenv</c> on Unix,
/// so this calls libc's <c>setenv</c>.
/// </remarks>
internal static partial class OpenMpEnvironment
{
    /// <summary>The variable libgomp reads.</summary>
    public const string WaitPolicyVariable = "OMP_WAIT_POLICY";

    /// <summary>The policy set when the user set none.</summary>
    public const string DefaultWaitPolicy = "PASSIVE";

    /// <summary>Sets <see cref="WaitPolicyVariable"/> to <see cref="DefaultWaitPolicy"/> unless it is already set; returns the value in force.</summary>
    public static string EnsureWaitPolicy()
    {
        string? current = Environment.GetEnvironmentVariable(WaitPolicyVariable);
        if (!string.IsNullOrEmpty(current))
        {
            return current;
        }

        if (OperatingSystem.IsLinux())
        {
            _ = SetEnv(WaitPolicyVariable, DefaultWaitPolicy, 0);
        }

        Environment.SetEnvironmentVariable(WaitPolicyVariable, DefaultWaitPolicy);
        return DefaultWaitPolicy;
    }

    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
