namespace LatentWorkbench.Images;

/// <summary>How a grid image is drawn: spacing, enlargement and colours. Every default lives here.</summary>
public sealed record GridImageStyle
{
    /// <summary>Background pixels between neighbouring images (before <see cref="Scale"/>).</summary>
    public int Gap { get; init; } = 2;

    /// <summary>Output pixels per image pixel, nearest neighbour (2: a 28×28 digit is 56×56 on screen).</summary>
    public int Scale { get; init; } = 2;

    /// <summary>Draw ink dark on white instead of white on black (how digits are usually shown).</summary>
    public bool Invert { get; init; }

    /// <summary>Background pixels reserved under each image for its caption when captions are given (before <see cref="Scale"/>).</summary>
    public int CaptionStrip { get; init; } = 7;

    /// <summary>The default style.</summary>
    public static GridImageStyle Default { get; } = new();

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative gap or caption strip, or a scale below 1.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Gap, nameof(Gap));
        ArgumentOutOfRangeException.ThrowIfLessThan(Scale, 1, nameof(Scale));
        ArgumentOutOfRangeException.ThrowIfNegative(CaptionStrip, nameof(CaptionStrip));
    }
}
