namespace LatentWorkbench.Autograd;

/// <summary>Whether operations are being recorded for backpropagation on the current thread.</summary>
public static class GradMode
{
    [ThreadStatic]
    private static int t_disabledDepth;

    /// <summary>True unless a <see cref="NoGrad"/> scope is active on this thread.</summary>
    public static bool IsEnabled => t_disabledDepth == 0;

    /// <summary>Stops recording until the returned scope is disposed (evaluation, optimizer updates).</summary>
    public static NoGradScope NoGrad()
    {
        t_disabledDepth++;
        return new NoGradScope(true);
    }

    internal static void Exit() => t_disabledDepth--;
}
