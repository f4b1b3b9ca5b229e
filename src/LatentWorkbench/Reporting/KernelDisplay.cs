using System.Reflection;

namespace LatentWorkbench.Reporting;

/// <summary>
/// Displays a value in the .NET Interactive cell that is running on this flow, found by reflection so that the
/// library needs no reference to the kernel: the kernel that loaded the library (the dotnet-interactive tool's
/// own copy under VS Code and Jupyter, the runner's package in the workbench) is the one that displays.
/// </summary>
internal static class KernelDisplay
{
    private const string KernelAssemblyName = "Microsoft.DotNet.Interactive";

    /// <summary>Calls the kernel's <c>display(value)</c> when a cell is running; false (and nothing shown) otherwise.</summary>
    public static bool TryDisplay(object value) => Display(value, out _);

    /// <summary>
    /// Displays <paramref name="value"/> in the running cell and returns a function that replaces it in place with a
    /// new value (the kernel's <c>DisplayedValue.Update</c>), or null when no cell is running.
    /// </summary>
    public static Action<object>? TryDisplayUpdatable(object value)
    {
        if (!Display(value, out var displayed))
        {
            return null;
        }

        var update = displayed?.GetType().GetMethod("Update", BindingFlags.Public | BindingFlags.Instance, [typeof(object)]);
        return update is null ? null : updated => update.Invoke(displayed, [updated]);
    }

    // The kernel's display(value) when a cell is running; `displayed` is its DisplayedValue.
    private static bool Display(object value, out object? displayed)
    {
        displayed = null;
        if (ProgramDisplay.Handler is { } handler)
        {
            // A twin's host: its replace function stands in for the kernel's DisplayedValue.
            displayed = handler(value) is { } replace ? new ProgramDisplayedValue(replace) : null;
            return true;
        }

        var kernelAssembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == KernelAssemblyName);
        var context = kernelAssembly?.GetType("Microsoft.DotNet.Interactive.KernelInvocationContext")
            ?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        var display = kernelAssembly?.GetType("Microsoft.DotNet.Interactive.Kernel")
            ?.GetMethod("display", BindingFlags.Public | BindingFlags.Static, [typeof(object), typeof(string[])]);
        if (context is null || display is null)
        {
            return false;
        }

        // No mime types: the value's preferred ones (its TypeFormatterSourceAttribute or registered formatters say which).
        displayed = display.Invoke(null, [value, Array.Empty<string>()]);
        return true;
    }

    // Looks like the kernel's DisplayedValue to TryDisplayUpdatable: a public Update(object).
    private sealed class ProgramDisplayedValue(Action<object> replace)
    {
        public void Update(object value) => replace(value);
    }
}
