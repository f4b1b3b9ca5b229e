using System.IO.Compression;

namespace LatentWorkbench.Data;

/// <summary>
/// Obtains MNIST from the public mirrors that serve the four files gzip-compressed (<c>NAME.gz</c>).
/// </summary>
public sealed class HttpMirrorMnistSource : IMnistSource
{
    /// <summary>The mirrors tried in order (the ones torchvision uses).</summary>
    public static IReadOnlyList<Uri> DefaultMirrors { get; } =
    [
        new("https://ossci-datasets.s3.amazonaws.com/mnist/"),
        new("https://storage.googleapis.com/cvdf-datasets/mnist/"),
    ];

    private readonly IReadOnlyList<Uri> _mirrors;

    /// <summary>Creates the source over <paramref name="mirrors"/> (default: <see cref="DefaultMirrors"/>).</summary>
    public HttpMirrorMnistSource(IReadOnlyList<Uri>? mirrors = null) => _mirrors = mirrors ?? DefaultMirrors;

    /// <inheritdoc/>
    public string Name => "public gzip mirrors";

    /// <inheritdoc/>
    public async Task FetchAsync(IReadOnlyList<MnistFile> files, string destination, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var failures = new List<string>();
        foreach (var mirror in _mirrors)
        {
            try
            {
                foreach (var file in files)
                {
                    var url = new Uri(mirror, file.Name + ".gz");
                    progress?.Report($"downloading {url}");
                    await using var response = await http.GetStreamAsync(url, cancellationToken).ConfigureAwait(false);
                    await using var gzip = new GZipStream(response, CompressionMode.Decompress);
                    await using var output = File.Create(Path.Combine(destination, file.Name));
                    await gzip.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidDataException or IOException)
            {
                failures.Add($"{mirror}: {e.Message}");
            }
        }

        throw new MnistSourceUnavailableException(string.Join("; ", failures));
    }
}
