using LatentWorkbench.Common;

namespace LatentWorkbench.Training;

/// <summary>Kernel formatters for <see cref="TrainingStatus"/>: HTML (a progress bar and the epoch table) and plain text (one line).</summary>
public static class TrainingStatusFormatters
{
    /// <summary>The MIME types a displayed status carries, in order.</summary>
    public static IReadOnlyList<string> MimeTypes => [.. Formatters.Select(f => f.Key)];

    private static KeyValuePair<string, Action<object, TextWriter>>[] Formatters { get; } =
    [
        new(KernelFormatting.Html, (value, writer) => writer.Write(((TrainingStatus)value).ToHtml())),
        new(KernelFormatting.PlainText, (value, writer) => writer.Write(((TrainingStatus)value).ToString())),
    ];

    /// <summary>Registers the formatters with every loaded kernel; false when there is none.</summary>
    public static bool Register() => KernelFormatting.TryRegister(typeof(TrainingStatus), Formatters);
}
