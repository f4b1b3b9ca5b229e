namespace LatentWorkbench.Notebooks.Twins;

/// <summary>A twin that cannot be mapped to notebook cells, or a notebook that cannot be written as a twin; the message names the file and line or cell.</summary>
public sealed class TwinFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TwinFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public TwinFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public TwinFormatException()
    {
    }
}
