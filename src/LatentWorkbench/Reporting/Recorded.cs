namespace LatentWorkbench.Reporting;

/// <summary>
/// Records a key result of a notebook in one call, e.g. <c>Recorded.Value("pca30_test_error", error)</c>: inside a
/// running notebook (VS Code, Jupyter, the workbench runner) it displays the value (<see cref="RecordedValue"/>);
/// outside one (the CLI, tests) it only returns it.
/// </summary>
public static class Recorded
{
    /// <summary>Records a number.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, too long or has characters other than ASCII letters, digits, <c>_</c>, <c>-</c>, <c>.</c>.</exception>
    public static RecordedValue Value(string name, double value) => Show(new RecordedValue(name, value));

    /// <summary>Records a whole number (a count, a k).</summary>
    /// <inheritdoc cref="Value(string, double)" path="/exception"/>
    public static RecordedValue Value(string name, long value) => Show(new RecordedValue(name, value));

    /// <summary>Records a piece of text.</summary>
    /// <inheritdoc cref="Value(string, double)" path="/exception"/>
    public static RecordedValue Value(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Show(new RecordedValue(name, value));
    }

    /// <summary>Records a flag.</summary>
    /// <inheritdoc cref="Value(string, double)" path="/exception"/>
    public static RecordedValue Value(string name, bool value) => Show(new RecordedValue(name, value));

    private static RecordedValue Show(RecordedValue recorded)
    {
        KernelDisplay.TryDisplay(recorded);
        return recorded;
    }
}
