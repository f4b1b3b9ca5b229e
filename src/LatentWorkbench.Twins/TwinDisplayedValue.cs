namespace LatentWorkbench.Twins;

/// <summary>What <see cref="TwinDisplay.display"/> returns: <see cref="Update"/> shows a new value in the displayed one's place.</summary>
public sealed class TwinDisplayedValue
{
    private readonly Action<object?> _replace;

    internal TwinDisplayedValue(Action<object?> replace) => _replace = replace;

    /// <summary>Replaces the displayed value (a live display's latest state).</summary>
    public void Update(object? value) => _replace(value);
}
