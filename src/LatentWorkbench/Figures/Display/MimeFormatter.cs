namespace LatentWorkbench.Figures.Display;

/// <summary>A convention-based kernel formatter: writes one MIME rendering of an <see cref="IMimeRenderable"/>.</summary>
public sealed class MimeFormatter
{
    /// <summary>Creates the formatter of <paramref name="type"/> values as <paramref name="mimeType"/>.</summary>
    public MimeFormatter(Type type, string mimeType)
    {
        Type = type;
        MimeType = mimeType;
    }

    /// <summary>The MIME type written.</summary>
    public string MimeType { get; }

    /// <summary>The type formatted (and its subtypes).</summary>
    public Type Type { get; }

    /// <summary>Writes <paramref name="instance"/> as <see cref="MimeType"/>; false passes to the next formatter.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not IMimeRenderable renderable || !Type.IsInstanceOfType(instance))
        {
            return false;
        }

        if (MimeType == MimeTypes.PlainText)
        {
            writer.Write(instance.ToString());
            return true;
        }

        if (!renderable.MimeTypes.Contains(MimeType))
        {
            return false;
        }

        writer.Write(renderable.Render(MimeType));
        return true;
    }
}
