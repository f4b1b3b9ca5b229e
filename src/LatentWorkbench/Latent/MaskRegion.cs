namespace LatentWorkbench.Latent;

/// <summary>
/// Which pixels of a square digit image are hidden for inpainting (<see cref="Inpainting"/>); notebook 05's
/// <c>--set inpaintingMask=CentreSquare</c>.
/// </summary>
public enum MaskRegion
{
    /// <summary>The bottom half of the rows: the lower loop of an 8, the tail of a 9, the foot of a 2.</summary>
    BottomHalf,

    /// <summary>A centred square of half the side: the crossing strokes of a 4 or an 8, the hole of a 0.</summary>
    CentreSquare,
}
