namespace LatentWorkbench.Figures;

/// <summary>An image grid placed in a figure panel (e.g. digits beside their embedding).</summary>
internal sealed class ImageTrace : Trace
{
    /// <summary>Wraps <paramref name="grid"/>.</summary>
    public ImageTrace(ImageGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Grid = grid;
    }

    /// <summary>The images and their labels.</summary>
    public ImageGrid Grid { get; }
}
