namespace LatentWorkbench.Kernels;

/// <summary>The elementwise binary primitives.</summary>
internal enum BinaryKind
{
    Add,
    Subtract,
    Multiply,
    Divide,
}
