namespace LatentWorkbench.Kernels;

/// <summary>
/// The geometry of a 2-D convolution over one image: C channels of H×W, a kh×kw kernel, stride and zero padding;
/// the output is Ho×Wo with Ho = (H + 2p − kh) / s + 1.
/// </summary>
internal readonly record struct ConvGeometry(int Channels, int Height, int Width, int KernelHeight, int KernelWidth, int Stride, int Padding)
{
    public int OutHeight => ((Height + (2 * Padding) - KernelHeight) / Stride) + 1;

    public int OutWidth => ((Width + (2 * Padding) - KernelWidth) / Stride) + 1;

    /// <summary>Rows of the column matrix: C·kh·kw.</summary>
    public int PatchSize => Channels * KernelHeight * KernelWidth;

    /// <summary>Columns of the column matrix: Ho·Wo.</summary>
    public int OutPixels => OutHeight * OutWidth;

    public int ImageSize => Channels * Height * Width;
}
