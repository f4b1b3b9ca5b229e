using System.Text;

namespace LatentWorkbench.Twins;

/// <summary>Console output that still reaches the console and is also kept for the running cell's outputs.</summary>
internal sealed class TeeWriter(TextWriter console, Action<string> keep) : TextWriter
{
    /// <inheritdoc/>
    public override Encoding Encoding => console.Encoding;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        console.Write(value);
        keep(value.ToString());
    }

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        console.Write(value);
        keep(value ?? string.Empty);
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count)
    {
        console.Write(buffer, index, count);
        keep(new string(buffer, index, count));
    }

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Write((value ?? string.Empty) + "\n");

    /// <inheritdoc/>
    public override void Flush() => console.Flush();
}
