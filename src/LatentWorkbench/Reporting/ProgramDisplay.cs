namespace LatentWorkbench.Reporting;

/// <summary>
/// Where the library's own displays go (recorded values, findings, training progress) in a program that runs a
/// notebook's cells without a .NET Interactive kernel: a notebook's twin, <c>dotnet run notebooks/NN-name.cs</c>. Its host
/// sets <see cref="Handler"/> once at start; inside a kernel it stays null and the kernel displays.
/// </summary>
public static class ProgramDisplay
{
    /// <summary>Shows a value and returns a function that replaces it in place, or null when it cannot be replaced.</summary>
    public static Func<object, Action<object>?>? Handler { get; set; }
}
