namespace LatentWorkbench.Notebooks.Scripting;

/// <summary>A string that is already HTML (what <see cref="Kernel.HTML"/> returns); displayed as <c>text/html</c> unchanged.</summary>
/// <param name="Html">The markup.</param>
public sealed record HtmlContent(string Html)
{
    /// <inheritdoc/>
    public override string ToString() => Html;
}
