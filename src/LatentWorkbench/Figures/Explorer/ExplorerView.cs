namespace LatentWorkbench.Figures.Explorer;

/// <summary>
/// One 2-D view of the explorer's digits: a latent plane (its points are the codes' coordinates on the plane, and
/// every place of it decodes) or a map (given coordinates such as t-SNE's, where only the points have codes).
/// </summary>
/// <remarks>
/// A latent plane is <c>z = Origin + a·d₁ + b·d₂ + Σ sᵢ·vᵢ</c>: d₁, d₂ are orthonormal <see cref="Axes"/>, a, b the
/// cursor's coordinates, and sᵢ the values of the <see cref="Sliders"/> vᵢ (directions off the plane, orthonormal to it).
/// A point's coordinates are its code's projection, a = (z − Origin)·d₁, b = (z − Origin)·d₂.
/// </remarks>
/// <param name="Name">Shown in the view picker.</param>
/// <param name="IsPlane">True for a latent plane, false for a map.</param>
/// <param name="Coordinates">[N·2] x, y of every digit.</param>
/// <param name="AxisNames">Names of the two axes (a and b for a plane).</param>
/// <param name="Origin">The plane's origin [k]; empty for a map.</param>
/// <param name="Axes">d₁ and d₂ [k] each; empty for a map.</param>
/// <param name="Sliders">The directions off the plane; empty for a map.</param>
internal sealed record ExplorerView(string Name, bool IsPlane, float[] Coordinates, IReadOnlyList<string> AxisNames,
    float[] Origin, IReadOnlyList<float[]> Axes, IReadOnlyList<ExplorerSlider> Sliders);

/// <summary>A slider that adds <c>value · Direction</c> to the decoded latent point, value in ±<paramref name="Range"/>.</summary>
/// <param name="Name">Its label (unique within the page).</param>
/// <param name="Direction">The latent direction [k].</param>
/// <param name="Range">Half the slider's span.</param>
internal sealed record ExplorerSlider(string Name, float[] Direction, double Range);
