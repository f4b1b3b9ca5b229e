using System.Diagnostics;

namespace LatentWorkbench.Figures.Chromium;

/// <summary>
/// Runs headless Chromium once per call to screenshot a page (PNG of a chart) or dump its DOM after scripts
/// ran (to check that an exported interactive figure draws).
/// </summary>
/// <remarks>
/// Each run gets a fresh temporary profile and the flags that keep it quiet and offline:
/// <c>--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
/// --disable-component-update --disable-sync</c>, and <c>--host-resolver-rules="MAP * ~NOTFOUND"</c> so no host name
/// resolves: a page that needs the network fails here instead of quietly loading a CDN. <c>--virtual-time-budget</c> lets page scripts finish
/// before the capture. The executable is <c>LATENTWORKBENCH_CHROMIUM</c> if set, else the first of
/// chromium, chromium-browser, google-chrome, google-chrome-stable on PATH.
/// </remarks>
public static class HeadlessChromium
{
    /// <summary>The environment variable naming the Chromium executable.</summary>
    public const string ExecutableVariable = "LATENTWORKBENCH_CHROMIUM";

    internal const string NotFoundMessage =
        "Saving a chart as PNG needs headless Chromium, which was not found (looked at " + ExecutableVariable +
        " and for chromium, chromium-browser, google-chrome on PATH). Install it (Debian/Ubuntu: apt-get install chromium) " +
        "or save the figure as .svg, which needs nothing else.";

    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The Chromium executable, or null when none is installed.</summary>
    public static string? FindExecutable()
    {
        string? configured = Environment.GetEnvironmentVariable(ExecutableVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Candidates.SelectMany(name => folders.Select(folder => Path.Combine(folder, name))).FirstOrDefault(File.Exists);
    }

    /// <summary>Renders <paramref name="htmlPath"/> in a <paramref name="width"/> × <paramref name="height"/> window and writes a PNG.</summary>
    /// <param name="htmlPath">The page to load.</param>
    /// <param name="pngPath">Where Chromium writes the screenshot.</param>
    /// <param name="width">Window width in CSS pixels.</param>
    /// <param name="height">Window height in CSS pixels.</param>
    /// <param name="deviceScale">Device pixels per CSS pixel (2 gives a report-ready image twice the size).</param>
    /// <param name="scriptMilliseconds">Virtual time given to page scripts before the capture.</param>
    /// <exception cref="ChromiumNotFoundException">Chromium is not installed.</exception>
    /// <exception cref="InvalidOperationException">Chromium failed or wrote no image.</exception>
    public static void Screenshot(string htmlPath, string pngPath, int width, int height, double deviceScale = 1, int scriptMilliseconds = 2000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(deviceScale, 0);
        string scale = deviceScale.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Run(htmlPath, [
            "--hide-scrollbars",
            $"--window-size={Format.Integer(width)},{Format.Integer(height)}",
            $"--force-device-scale-factor={scale}",
            $"--virtual-time-budget={Format.Integer(scriptMilliseconds)}",
            $"--screenshot={Path.GetFullPath(pngPath)}",
        ]);
        if (!File.Exists(pngPath) || new FileInfo(pngPath).Length == 0)
        {
            throw new InvalidOperationException($"Chromium ran but wrote no screenshot to '{pngPath}'.");
        }
    }

    /// <summary>Loads <paramref name="htmlPath"/>, lets its scripts run, and returns the serialized DOM.</summary>
    /// <exception cref="ChromiumNotFoundException">Chromium is not installed.</exception>
    public static string DumpDom(string htmlPath, int scriptMilliseconds = 10_000) =>
        Run(htmlPath, [$"--virtual-time-budget={Format.Integer(scriptMilliseconds)}", "--dump-dom"]);

    private static string Run(string htmlPath, IEnumerable<string> extraArguments)
    {
        string executable = FindExecutable() ?? throw new ChromiumNotFoundException();
        string profile = Path.Combine(Path.GetTempPath(), "lwb-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in (string[])[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={profile}"])
            {
                start.ArgumentList.Add(argument);
            }

            foreach (string argument in extraArguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Chromium ('{executable}') could not be started.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("Chromium did not finish within 2 minutes.");
            }

            string output = stdout.GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                string error = stderr.GetAwaiter().GetResult().Trim();
                throw new InvalidOperationException($"Chromium exited with code {process.ExitCode}: {error[..Math.Min(error.Length, 400)]}");
            }

            return output;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be releasing its profile; a leftover temp folder is harmless.
            }
        }
    }
}
