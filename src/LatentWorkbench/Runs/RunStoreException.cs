namespace LatentWorkbench.Runs;

/// <summary>The run store file cannot be used: not SQLite, corrupt, from a newer version, or not writable. The message names the file.</summary>
public sealed class RunStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RunStoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RunStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public RunStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
