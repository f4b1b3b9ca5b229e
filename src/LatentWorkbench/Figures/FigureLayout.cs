namespace LatentWorkbench.Figures;

/// <summary>The figure's pixel size and the cell of each panel in its grid (shared by all renderings).</summary>
internal sealed class FigureLayout
{
    private FigureLayout(int width, int height, double titleHeight, Box[] cells)
    {
        Width = width;
        Height = height;
        TitleHeight = titleHeight;
        Cells = cells;
    }

    public int Width { get; }

    public int Height { get; }

    public double TitleHeight { get; }

    public Box[] Cells { get; }

    /// <summary>The height of one line of notes under the panels.</summary>
    public const double NoteLine = 16;

    public static FigureLayout Of(SvgScene figure)
    {
        int count = Math.Max(1, figure.Panels.Count);
        int columns = Math.Clamp(figure.Columns, 1, count);
        int rows = (count + columns - 1) / columns;
        double titleHeight = figure.Title is null ? 0 : 34;
        double notesHeight = figure.Notes.Count * NoteLine;

        var natural = figure.Panels.Select(NaturalCellSize).DefaultIfEmpty((Width: 640, Height: 440)).ToList();
        int cellW = natural.Max(s => s.Width), cellH = natural.Max(s => s.Height);
        int width = figure.Width ?? (cellW * columns);
        int height = figure.Height ?? (int)Math.Ceiling((cellH * rows) + titleHeight + notesHeight);
        if (width < 80 || height < 80)
        {
            throw new ArgumentOutOfRangeException(nameof(figure), $"The figure is {width}×{height} pixels; Width and Height must be at least 80.");
        }

        double w = width / (double)columns, h = (height - titleHeight - notesHeight) / rows;
        var cells = new Box[figure.Panels.Count];
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = new Box((i % columns) * w, titleHeight + ((i / columns) * h), w, h);
        }

        return new FigureLayout(width, height, titleHeight, cells);
    }

    private static (int Width, int Height) NaturalCellSize(Panel panel)
    {
        switch (panel.Kind)
        {
            case PanelKind.Heatmap:
                var heatmap = panel.Traces.OfType<HeatmapTrace>().First();
                int side = Math.Clamp(Math.Max(heatmap.Z.GetLength(0), heatmap.Z.GetLength(1)) * 36, 300, 520);
                return (side + 160, side + 80);
            default:
                return (panel.LegendVisible || panel.ColorBarTrace is not null ? 720 : 620, 440);
        }
    }
}
