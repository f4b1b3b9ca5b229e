using System.Globalization;
using LatentWorkbench.Data;
using LatentWorkbench.Latent;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Figures.Explorer;

/// <summary>
/// An interactive, self-contained HTML view of a trained model's latent space and a set of digits: hover a point to
/// see the digit, its reconstruction, its label and its nearest neighbours in latent space; hover empty space on a
/// latent plane to decode that latent point live in the browser (the decoder's weights travel in the page); sliders
/// move the point off the plane and along traversal directions; a conditional VAE gets a label picker and renders one
/// style as every digit. Displays in the kernel as HTML with a static SVG twin and exports like every figure.
/// </summary>
/// <remarks>
/// Build with <see cref="Of(IVariationalAutoencoder, MnistSplit, LatentExplorerOptions?)"/> (or the overloads for an
/// autoencoder, a conditional VAE, or any model with its <see cref="LatentCodec"/>), then add views:
/// <see cref="WithMap"/> (t-SNE/UMAP coordinates), <see cref="WithPlane"/> (two directions) and
/// <see cref="WithTraversal"/> (a slider along a direction, e.g. an attribute vector). The first view is the model's own
/// latent plane for k = 2, else the plane of the codes' first two principal directions. Codes are μ for a VAE
/// (<see cref="LatentCodec.Encode"/>). A model whose decoder cannot run in the browser (<see cref="DecoderPrograms"/>)
/// still shows its points and thumbnails, with <see cref="DecoderProblem"/> as the page's message.
/// </remarks>
public sealed record LatentExplorer
{
    private LatentExplorer(string title, int latentSize, float[] codes, byte[] labels, float[] pixels, int side,
        DecoderProgram? decoder, string? decoderProblem, LatentExplorerOptions options)
    {
        (Title, LatentSize, Codes, Labels, Pixels, ImageSide, Decoder, DecoderProblem, Options) =
            (title, latentSize, codes, labels, pixels, side, decoder, decoderProblem, options);
        Views = [latentSize == 2 ? ExplorerPlanes.Identity(codes, latentSize) : ExplorerPlanes.Principal(codes, latentSize, options.SliderSpread)];
    }

    /// <summary>The page's heading (and the figure's title).</summary>
    public string Title { get; init; }

    /// <summary>The figure id given with <see cref="WithId"/>, naming its exported files.</summary>
    public string? Id { get; init; }

    /// <summary>The caption given with <see cref="WithCaption"/>.</summary>
    public string? Caption { get; init; }

    /// <summary>Latent dimensions k.</summary>
    public int LatentSize { get; }

    /// <summary>The digits shown.</summary>
    public int Count => Labels.Length;

    /// <summary>Side of the (square) digit images, pixels.</summary>
    public int ImageSide { get; }

    /// <summary>The decoder the page runs, or null when it cannot run in the browser.</summary>
    public DecoderProgram? Decoder { get; }

    /// <summary>Why the page cannot decode (names the model and what is supported), or null.</summary>
    public string? DecoderProblem { get; }

    /// <summary>The settings.</summary>
    public LatentExplorerOptions Options { get; }

    /// <summary>The 2-D views, in the order of the page's view picker.</summary>
    internal IReadOnlyList<ExplorerView> Views { get; init; }

    /// <summary>The names of the views, in the order of the page's view picker.</summary>
    public IReadOnlyList<string> ViewNames => [.. Views.Select(v => v.Name)];

    /// <summary>Traversal sliders, applied on every latent plane.</summary>
    internal IReadOnlyList<ExplorerSlider> Traversals { get; init; } = [];

    /// <summary>Codes [N·k], row-major (μ for a VAE).</summary>
    internal float[] Codes { get; }

    /// <summary>Labels [N].</summary>
    internal byte[] Labels { get; }

    /// <summary>Pixels [N·side²] in [0, 1].</summary>
    internal float[] Pixels { get; }

    /// <summary>The explorer of a VAE (any variant): codes are the posterior means μ.</summary>
    public static LatentExplorer Of(IVariationalAutoencoder model, MnistSplit digits, LatentExplorerOptions? options = null) =>
        Of(model, LatentCodec.Of(model), digits, options);

    /// <summary>The explorer of an autoencoder: codes are its codes.</summary>
    public static LatentExplorer Of(IAutoencoder model, MnistSplit digits, LatentExplorerOptions? options = null) =>
        Of(model, LatentCodec.Of(model), digits, options);

    /// <summary>The explorer of a conditional VAE: codes are μ of q(z|x, y); the page gets a label picker.</summary>
    public static LatentExplorer Of(ConditionalVae model, MnistSplit digits, LatentExplorerOptions? options = null) =>
        Of(model, LatentCodec.Of(model), digits, options);

    /// <summary>
    /// The explorer of any model: <paramref name="codec"/> encodes the digits, and the decoder the page runs is read from
    /// <paramref name="model"/> (<see cref="DecoderPrograms.TryFrom"/>: a library model or an <see cref="IBrowserDecoder"/>).
    /// </summary>
    public static LatentExplorer Of(object model, LatentCodec codec, MnistSplit digits, LatentExplorerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(digits);
        options ??= new LatentExplorerOptions();
        options.Validate();
        int n = Math.Min(digits.Count, options.MaxDigits);
        if (n < 3)
        {
            throw new ArgumentException($"The explorer needs at least 3 digits; got {n}.", nameof(digits));
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var images = digits.Images.narrow(0, 0, n).reshape(n, -1).to(torch.float32);
        var labels = digits.Labels.narrow(0, 0, n);
        // The codec runs where the model's parameters are; the digits may be elsewhere (e.g. on the CPU beside a CUDA model).
        var module = model switch { Models.ITorchModel t => t.Module, torch.nn.Module m => m, _ => null };
        var device = module?.parameters().FirstOrDefault()?.device ?? images.device;
        float[] codes = codec.Encode(images.to(device), codec.IsConditional ? labels.to(device) : null).to(torch.float32).cpu().contiguous().data<float>().ToArray();
        float[] pixels = images.cpu().contiguous().data<float>().ToArray();
        byte[] labelBytes = [.. labels.to(torch.int64).cpu().data<long>().ToArray().Select(l => checked((byte)l))];
        int side = (int)Math.Round(Math.Sqrt(pixels.Length / n));
        if (side * side * n != pixels.Length)
        {
            throw new ArgumentException($"The digits must be square images; got {pixels.Length / n} pixels each.", nameof(digits));
        }

        var (program, problem) = DecoderPrograms.TryFrom(model);
        if (program is not null && (program.LatentSize != codec.LatentSize || program.OutputSize != side * side))
        {
            problem = string.Create(CultureInfo.InvariantCulture,
                $"The decoder read from {model.GetType().Name} takes {program.LatentSize} latents and makes {program.OutputSize} pixels; the codes have {codec.LatentSize} and the digits {side * side}.");
            program = null;
        }

        string title = string.Create(CultureInfo.InvariantCulture, $"Latent explorer: {codec.Name} ({codec.LatentSize} latents), {n:N0} digits");
        return new LatentExplorer(title, codec.LatentSize, codes, labelBytes, pixels, side, program, problem, options);
    }

    /// <summary>Adds a map view (e.g. t-SNE or UMAP coordinates of the same digits, in the same order): its points show digits; its empty space does not decode.</summary>
    /// <param name="name">Shown in the view picker.</param>
    /// <param name="coordinates">[N, 2] for the explorer's digits (at least its <see cref="Count"/> first rows).</param>
    public LatentExplorer WithMap(string name, torch.Tensor coordinates)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(coordinates);
        if (coordinates.shape.Length != 2 || coordinates.shape[1] != 2 || coordinates.shape[0] < Count)
        {
            throw new ArgumentException($"A map needs [N ≥ {Count}, 2] coordinates; got [{string.Join(", ", coordinates.shape)}].", nameof(coordinates));
        }

        using var rows = coordinates.narrow(0, 0, Count).to(torch.float32).cpu().contiguous();
        float[] xy = rows.data<float>().ToArray();
        return this with { Views = [.. Views, new ExplorerView(name, false, xy, ["x", "y"], [], [], [])] };
    }

    /// <summary>Adds the latent plane through the codes' mean spanned by <paramref name="d1"/> and <paramref name="d2"/> ([k] each, made orthonormal).</summary>
    public LatentExplorer WithPlane(string name, torch.Tensor d1, torch.Tensor d2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return this with { Views = [.. Views, ExplorerPlanes.Given(name, Codes, LatentSize, Vector(d1, nameof(d1)), Vector(d2, nameof(d2)), Options.SliderSpread)] };
    }

    /// <summary>Adds a traversal slider along <paramref name="direction"/> ([k], e.g. an attribute vector or a unit latent axis), on every latent plane.</summary>
    public LatentExplorer WithTraversal(string name, torch.Tensor direction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Traversals.Any(t => t.Name == name))
        {
            throw new ArgumentException($"There is already a traversal named '{name}'.", nameof(name));
        }

        var slider = ExplorerPlanes.Slider(name, Vector(direction, nameof(direction)), Codes, LatentSize, ExplorerPlanes.Mean(Codes, LatentSize), Options.SliderSpread);
        return this with { Traversals = [.. Traversals, slider] };
    }

    /// <summary>Adds one traversal slider per attribute vector, along its unit direction ŵ = w / ‖w‖ (fitted on the same codes, μ for a VAE).</summary>
    public LatentExplorer WithTraversals(IEnumerable<AttributeVector> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var explorer = this;
        foreach (var attribute in attributes)
        {
            using var direction = attribute.Direction;
            explorer = explorer.WithTraversal(attribute.Name, direction);
        }

        return explorer;
    }

    /// <summary>Returns the explorer with figure id <paramref name="id"/> (<see cref="FigureId.Validate"/>), naming its exported files.</summary>
    public LatentExplorer WithId(string id) => this with { Id = FigureId.Validate(id) };

    /// <summary>Returns the explorer with its own title.</summary>
    public LatentExplorer WithTitle(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return this with { Title = title };
    }

    /// <summary>Returns the explorer with its own caption.</summary>
    public LatentExplorer WithCaption(string caption)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caption);
        return this with { Caption = caption };
    }

    /// <summary>The HTML fragment that the kernel shows: a static picture that the page script replaces with the explorer.</summary>
    public string ToHtml() => ExplorerHtml.Fragment(this);

    /// <summary>The static twin: the first view's points as an SVG (with the picture as an embedded PNG), for viewers that run no script.</summary>
    public string ToSvg() => ExplorerSnapshot.Svg(this);

    /// <summary>Writes a standalone page (works from file://, loads nothing from the network); returns its full path.</summary>
    public string SaveHtml(string path) => ExplorerHtml.Save(this, path);

    private float[] Vector(torch.Tensor direction, string name)
    {
        ArgumentNullException.ThrowIfNull(direction, name);
        if (direction.numel() != LatentSize)
        {
            throw new ArgumentException($"{name} must have the codes' {LatentSize} values; got shape [{string.Join(", ", direction.shape)}].", name);
        }

        using var flat = direction.reshape(LatentSize).to(torch.float32).cpu().contiguous();
        return flat.data<float>().ToArray();
    }
}
