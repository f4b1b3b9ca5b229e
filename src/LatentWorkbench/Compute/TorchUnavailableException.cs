namespace LatentWorkbench.Compute;

/// <summary>libtorch (TorchSharp's native backend) could not be loaded; the message says why and what to do.</summary>
public sealed class TorchUnavailableException : Exception
{
    /// <summary>Creates the exception with a message that says why and what to do.</summary>
    public TorchUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
