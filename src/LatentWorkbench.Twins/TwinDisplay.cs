namespace LatentWorkbench.Twins;

/// <summary>
/// The <c>display(value)</c> a notebook's cells call, for a twin (<c>using static LatentWorkbench.Twins.TwinDisplay;</c>):
/// the value's text on the console, its figures and recorded values in the output folder.
/// </summary>
public static class TwinDisplay
{
    /// <summary>Shows <paramref name="value"/>; the returned handle replaces it, as the kernel's <c>DisplayedValue</c> does.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "The kernel's name, so that a cell reads the same in its notebook and its twin.")]
#pragma warning disable CA1707, IDE1006 // a lower-case name on purpose: the notebooks' own spelling
    public static TwinDisplayedValue display(object? value) => Twin.Current.Display(value);
#pragma warning restore CA1707, IDE1006
}
