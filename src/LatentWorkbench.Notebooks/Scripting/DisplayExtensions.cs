using LatentWorkbench.Notebooks.Scripting;

#pragma warning disable IDE0130 // The kernel puts Display() in namespace System so every notebook sees it without a using.
namespace System;
#pragma warning restore IDE0130

/// <summary><c>value.Display(...)</c>, as the .NET Interactive kernel offers it (in namespace System).</summary>
public static class DisplayExtensions
{
    /// <summary>Displays <paramref name="value"/> in the running cell's output.</summary>
    /// <returns>A handle whose <see cref="DisplayedValue.Update"/> replaces this output in place.</returns>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) => Kernel.display(value, mimeTypes);
}
