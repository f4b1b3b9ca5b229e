namespace LatentWorkbench.Notebooks.Execution;

/// <summary>A notebook the runner cannot execute as written (another kernel, a magic command, a NuGet reference); raised before any cell runs.</summary>
public sealed class NotebookValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotebookValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public NotebookValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public NotebookValidationException()
    {
    }
}
