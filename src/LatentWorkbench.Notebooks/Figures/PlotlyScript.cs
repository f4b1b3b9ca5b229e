using System.Reflection;

namespace LatentWorkbench.Notebooks.Figures;

/// <summary>
/// The plotly.js that exported chart pages load: the LatentWorkbench library's verified copy
/// (<c>LatentWorkbench.Figures.Plotly.PlotlyJs.CopyInto</c>), written once into the figures folder.
/// </summary>
/// <remarks>
/// The runner does not reference the library (notebooks load it themselves with <c>#r</c>), so the copy is reached by
/// name: it is there in the CLI and in every run whose notebook references the library, i.e. whenever a page has a
/// workbench chart on it. When it is not, pages fall back to the chart's own loader (plotly.js from the CDN).
/// </remarks>
internal static class PlotlyScript
{
    private const string LibraryType = "LatentWorkbench.Figures.Plotly.PlotlyJs, LatentWorkbench";
    private const string CopyMethod = "CopyInto";

    /// <summary>Whether a notebook HTML output draws a Plotly chart (and so needs plotly.js on the page).</summary>
    public static bool IsPlotlyChart(string html) => html.Contains("newPlot(", StringComparison.Ordinal);

    /// <summary>Copies plotly.min.js into <paramref name="folder"/>; returns its file name, or null and the reason.</summary>
    public static (string? File, string? Failure) CopyInto(string folder)
    {
        var copy = Type.GetType(LibraryType, throwOnError: false)?.GetMethod(CopyMethod, BindingFlags.Public | BindingFlags.Static, [typeof(string)]);
        if (copy is null)
        {
            return (null, $"the LatentWorkbench library ({LibraryType}) is not loaded, so its verified plotly.js is not at hand");
        }

        try
        {
            return ((string?)copy.Invoke(null, [folder]), null);
        }
        catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return (null, e.InnerException.Message);
        }
    }
}
