namespace LatentWorkbench.Notebooks.Parameters;

/// <summary>A parameter override that cannot be applied (unknown name, unparsable value); raised before any cell runs.</summary>
public sealed class ParameterException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ParameterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ParameterException()
    {
    }
}
