namespace LatentWorkbench.Tests.Notebooks;

/// <summary>A tiny "figure" the fixture notebooks display: rendered only through convention formatters.</summary>
[TypeFormatterSource(typeof(FixtureFigureFormatterSource), PreferredMimeTypes = ["text/html", "image/svg+xml"])]
public sealed class FixtureFigure(string title, int points)
{
    /// <summary>The title (names and captions the exported files when not empty).</summary>
    public string Title { get; } = title;

    /// <summary>How many points the figure "plots"; 0 makes the first SVG formatter pass.</summary>
    public int Points { get; } = points;
}
