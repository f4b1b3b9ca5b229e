namespace LatentWorkbench.Data;

/// <summary>An MNIST source could not deliver the files; the message says why.</summary>
public sealed class MnistSourceUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MnistSourceUnavailableException()
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    public MnistSourceUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    public MnistSourceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
