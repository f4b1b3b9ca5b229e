namespace LatentWorkbench.Runs.Comparison;

/// <summary>A comparison of stored runs asked for something the runs do not have (a field, a metric, a family); the message says what exists.</summary>
public sealed class RunComparisonException : Exception
{
    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public RunComparisonException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the error behind it.</summary>
    public RunComparisonException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public RunComparisonException()
    {
    }
}
