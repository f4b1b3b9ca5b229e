namespace LatentWorkbench.Figures.Chromium;

/// <summary>Headless Chromium is needed (to rasterize a chart to PNG) but is not installed.</summary>
public sealed class ChromiumNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that says how to install Chromium or what to use instead.</summary>
    public ChromiumNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the default message.</summary>
    public ChromiumNotFoundException()
        : base(HeadlessChromium.NotFoundMessage)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ChromiumNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
