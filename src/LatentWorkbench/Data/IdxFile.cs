namespace LatentWorkbench.Data;

/// <summary>
/// The content of one IDX file: its dimensions and its unsigned-byte elements, row-major.
/// </summary>
/// <param name="Path">The file it was read from (used in error messages).</param>
/// <param name="Dimensions">One size per dimension, e.g. [count, rows, cols] for images.</param>
/// <param name="Elements">The elements, row-major; length is the product of <paramref name="Dimensions"/>.</param>
internal sealed record IdxFile(string Path, int[] Dimensions, byte[] Elements)
{
    /// <summary>The size of the first dimension (the number of items).</summary>
    public int Count => Dimensions[0];
}
