namespace LatentWorkbench.Notebooks.Model;

/// <summary>A notebook file that cannot be read: the message names the file and what was expected.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotebookFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public NotebookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public NotebookFormatException()
    {
    }
}
