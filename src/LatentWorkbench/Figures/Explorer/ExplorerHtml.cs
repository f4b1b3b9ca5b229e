using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LatentWorkbench.Common;

namespace LatentWorkbench.Figures.Explorer;

/// <summary>
/// The explorer's HTML: a <c>&lt;div&gt;</c> holding the static picture, the data as a JSON script block (codes, labels,
/// views and decoder weights as base64 float32, the digits as one PNG sprite sheet in a data URI) and the page script
/// (<c>explorer.js</c>, embedded in this library), which replaces the picture with the interactive explorer.
/// Nothing is loaded from anywhere: the fragment works in a notebook's output, and inside <see cref="Save"/>'s page from file://.
/// </summary>
internal static class ExplorerHtml
{
    private const string ScriptResource = "LatentWorkbench.Figures.Explorer.explorer.js";
    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(ExplorerHtml).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The library lacks its embedded {ScriptResource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The fragment for a notebook output or a page body.</summary>
    public static string Fragment(LatentExplorer explorer)
    {
        ArgumentNullException.ThrowIfNull(explorer);
        string id = "latent-explorer-" + Guid.NewGuid().ToString("N")[..12];
        string picture = Convert.ToBase64String(ExplorerSnapshot.Png(explorer));
        return new StringBuilder()
            .Append("<div class=\"latentworkbench-explorer\" id=\"").Append(id).Append("\">\n")
            .Append("<figure style=\"margin:0;font:12px Helvetica, Arial, sans-serif\"><figcaption style=\"font-weight:bold\">").Append(WebUtility.HtmlEncode(explorer.Title))
            .Append("</figcaption><img alt=\"latent explorer\" src=\"data:image/png;base64,").Append(picture).Append("\"><br>")
            .Append("(the interactive explorer needs scripts)</figure>\n</div>\n")
            .Append("<script type=\"application/json\" id=\"").Append(id).Append("-data\">").Append(Payload(explorer)).Append("</script>\n")
            .Append("<script>\n").Append(Script.Value).Append("window.LatentWorkbenchExplorer.mount(\"").Append(id).Append("\");\n</script>\n")
            .ToString();
    }

    /// <summary>Writes a standalone page around <see cref="Fragment"/>; returns its full path.</summary>
    public static string Save(LatentExplorer explorer, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + WebUtility.HtmlEncode(explorer.Title)
            + "</title>\n</head>\n<body>\n" + Fragment(explorer) + "</body>\n</html>\n";
        AtomicFile.WriteAllText(path, page);
        return Path.GetFullPath(path);
    }

    // The JSON the page script reads. The relaxed encoder leaves base64's '+' alone (the default writes it as \u002B,
    // 8 % more page); every '<' is escaped afterwards instead, so no "</script>" in a title can end the block early.
    private static string Payload(LatentExplorer explorer)
    {
        var (sprite, columns) = ExplorerSprite.Encode(explorer.Pixels, explorer.Count, explorer.ImageSide);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("title", explorer.Title);
            json.WriteNumber("count", explorer.Count);
            json.WriteNumber("latentSize", explorer.LatentSize);
            json.WriteNumber("side", explorer.ImageSide);
            json.WriteNumber("plotSize", explorer.Options.PlotSize);
            json.WriteNumber("neighbours", Math.Min(explorer.Options.Neighbours, explorer.Count - 1));
            json.WriteString("codes", Base64(explorer.Codes));
            json.WriteString("labels", Convert.ToBase64String(explorer.Labels));
            json.WriteString("sprite", "data:image/png;base64," + Convert.ToBase64String(sprite));
            json.WriteNumber("spriteColumns", columns);
            json.WriteStartArray("palette");
            foreach (var color in Palette.Default)
            {
                json.WriteStringValue(color.ToHex());
            }

            json.WriteEndArray();
            json.WriteStartArray("views");
            foreach (var view in explorer.Views)
            {
                WriteView(json, view);
            }

            json.WriteEndArray();
            json.WriteStartArray("traversals");
            foreach (var slider in explorer.Traversals)
            {
                WriteSlider(json, slider);
            }

            json.WriteEndArray();
            json.WritePropertyName("decoder");
            if (explorer.Decoder is { } program)
            {
                WriteProgram(json, program);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteString("problem", explorer.DecoderProblem);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("<", "\\u003c", StringComparison.Ordinal);
    }

    private static void WriteView(Utf8JsonWriter json, ExplorerView view)
    {
        json.WriteStartObject();
        json.WriteString("name", view.Name);
        json.WriteString("kind", view.IsPlane ? "plane" : "map");
        json.WriteString("coordinates", Base64(view.Coordinates));
        WriteStrings(json, "axisNames", view.AxisNames);
        WriteFloats(json, "origin", view.Origin);
        json.WriteStartArray("axes");
        foreach (var axis in view.Axes)
        {
            WriteFloats(json, null, axis);
        }

        json.WriteEndArray();
        json.WriteStartArray("sliders");
        foreach (var slider in view.Sliders)
        {
            WriteSlider(json, slider);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSlider(Utf8JsonWriter json, ExplorerSlider slider)
    {
        json.WriteStartObject();
        json.WriteString("name", slider.Name);
        WriteFloats(json, "direction", slider.Direction);
        json.WriteNumber("range", slider.Range);
        json.WriteEndObject();
    }

    private static void WriteProgram(Utf8JsonWriter json, DecoderProgram program)
    {
        json.WriteStartObject();
        json.WriteNumber("latentSize", program.LatentSize);
        json.WriteNumber("classes", program.Classes);
        json.WriteStartArray("ops");
        foreach (var op in program.Ops)
        {
            json.WriteStartObject();
            json.WriteString("kind", op.Kind);
            switch (op)
            {
                case LinearOp l:
                    json.WriteNumber("in", l.In);
                    json.WriteNumber("out", l.Out);
                    WriteWeights(json, l.Weight, l.Bias);
                    break;
                case ActivationOp a when a.Activation == ActivationKind.LeakyRelu:
                    json.WriteNumber("slope", a.Slope);
                    break;
                case ReshapeOp r:
                    json.WriteStartArray("shape");
                    foreach (int d in r.Shape)
                    {
                        json.WriteNumberValue(d);
                    }

                    json.WriteEndArray();
                    break;
                case ConcatLabelOp c:
                    json.WriteNumber("classes", c.Classes);
                    break;
                case Conv2dOp c:
                    WriteConvolution(json, c.InChannels, c.OutChannels, c.KernelSize, c.Stride, c.Padding);
                    WriteWeights(json, c.Weight, c.Bias);
                    break;
                case ConvTranspose2dOp t:
                    WriteConvolution(json, t.InChannels, t.OutChannels, t.KernelSize, t.Stride, t.Padding);
                    json.WriteNumber("outputPadding", t.OutputPadding);
                    WriteWeights(json, t.Weight, t.Bias);
                    break;
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteConvolution(Utf8JsonWriter json, int inChannels, int outChannels, int kernel, int stride, int padding)
    {
        json.WriteNumber("inChannels", inChannels);
        json.WriteNumber("outChannels", outChannels);
        json.WriteNumber("kernelSize", kernel);
        json.WriteNumber("stride", stride);
        json.WriteNumber("padding", padding);
    }

    private static void WriteWeights(Utf8JsonWriter json, IReadOnlyList<float> weight, IReadOnlyList<float> bias)
    {
        json.WriteString("weight", Base64(weight));
        json.WriteString("bias", Base64(bias));
    }

    private static void WriteFloats(Utf8JsonWriter json, string? name, IReadOnlyList<float> values)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }

        foreach (float v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }

    // Little-endian float32 bytes, as the page's Float32Array reads them (every platform .NET and browsers run on is little-endian).
    private static string Base64(IReadOnlyList<float> values) =>
        Convert.ToBase64String(MemoryMarshal.AsBytes((values as float[] ?? [.. values]).AsSpan()));
}
