namespace LatentWorkbench.Latent;

/// <summary>How to walk between two codes (<see cref="Interpolation"/>).</summary>
public enum InterpolationMethod
{
    /// <summary>A straight line: (1 − t)·a + t·b.</summary>
    Lerp,

    /// <summary>The great circle through a and b (keeps a common norm).</summary>
    Slerp,
}
