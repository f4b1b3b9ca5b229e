using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LatentWorkbench.Figures.Chromium;

/// <summary>
/// One page of a headless Chromium driven over the DevTools protocol (a WebSocket, <c>System.Net.WebSockets</c>): load
/// a page, evaluate JavaScript, dispatch mouse events. For tests and measurements of interactive pages (the latent
/// explorer), where <see cref="HeadlessChromium"/>'s one-shot runs cannot interact.
/// </summary>
/// <remarks>
/// Chromium gets <see cref="HeadlessChromium"/>'s quiet, offline flags (no host name resolves) and a fresh profile;
/// <see cref="GoOffline"/> also switches the page's network off (<c>Network.emulateNetworkConditions</c>), so a page
/// that needs anything beyond file:// and data: fails visibly. The protocol endpoint listens on 127.0.0.1 only, on a
/// port Chromium picks (<c>--remote-debugging-port=0</c>), read from its "DevTools listening on" line.
/// </remarks>
public sealed class DevToolsPage : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private DevToolsPage(Process process, string profile)
    {
        (_process, _profile) = (process, profile);
    }

    /// <summary>Starts Chromium on about:blank and attaches to its page.</summary>
    /// <exception cref="ChromiumNotFoundException">Chromium is not installed.</exception>
    public static DevToolsPage Start(int width = 1200, int height = 900)
    {
        string executable = HeadlessChromium.FindExecutable() ?? throw new ChromiumNotFoundException();
        string profile = Path.Combine(Path.GetTempPath(), "lwb-devtools-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={profile}",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            string.Create(CultureInfo.InvariantCulture, $"--window-size={width},{height}"), "about:blank"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Chromium ('{executable}') could not be started.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var page = new DevToolsPage(process, profile);
        try
        {
            page.Attach(BrowserEndpoint(process));
            return page;
        }
        catch
        {
            page.Dispose();
            throw;
        }
    }

    /// <summary>Turns the page's network off: every request other than file:// and data: fails.</summary>
    public void GoOffline()
    {
        Send("Network.enable");
        Send("Network.emulateNetworkConditions", new JsonObject { ["offline"] = true, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = -1 });
    }

    /// <summary>Loads <paramref name="path"/> (a local file) and waits until <paramref name="readyExpression"/> is true (polled every 50 ms).</summary>
    /// <exception cref="TimeoutException">The page did not become ready within a minute.</exception>
    public void Open(string path, string readyExpression = "document.readyState === 'complete'")
    {
        Send("Page.enable");
        Send("Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(path)).AbsoluteUri });
        var watch = Stopwatch.StartNew();
        while (Evaluate($"Boolean({readyExpression})").GetBoolean() is false)
        {
            if (watch.Elapsed > Timeout)
            {
                throw new TimeoutException($"The page '{path}' did not satisfy '{readyExpression}' within {Timeout.TotalSeconds} s.");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>The value of a JavaScript expression (returned by value; a thrown error becomes an <see cref="InvalidOperationException"/>).</summary>
    public JsonElement Evaluate(string expression)
    {
        var result = Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result.TryGetProperty("exceptionDetails", out var error))
        {
            throw new InvalidOperationException($"'{expression}' threw: {error}");
        }

        var remote = result.GetProperty("result");
        return remote.TryGetProperty("value", out var value) ? value : default;
    }

    /// <summary>Moves the mouse to (<paramref name="x"/>, <paramref name="y"/>) in CSS pixels of the viewport (a real input event, <c>Input.dispatchMouseEvent</c>).</summary>
    public void MoveMouse(double x, double y) =>
        Send("Input.dispatchMouseEvent", new JsonObject { ["type"] = "mouseMoved", ["x"] = x, ["y"] = y });

    /// <summary>Writes a PNG of the viewport (<c>Page.captureScreenshot</c>) to <paramref name="pngPath"/>.</summary>
    public void Screenshot(string pngPath)
    {
        var shot = Send("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        File.WriteAllBytes(pngPath, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    /// <summary>Sends one protocol command and returns its result (events in between are skipped).</summary>
    /// <exception cref="InvalidOperationException">The command failed.</exception>
    public JsonElement Send(string method, JsonObject? parameters = null)
    {
        int id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        using var timeout = new CancellationTokenSource(Timeout);
        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token).GetAwaiter().GetResult();
        while (true)
        {
            using var reply = JsonDocument.Parse(Receive(timeout.Token));
            if (!reply.RootElement.TryGetProperty("id", out var replyId) || replyId.GetInt32() != id)
            {
                continue;
            }

            if (reply.RootElement.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"DevTools {method} failed: {error}");
            }

            return reply.RootElement.GetProperty("result").Clone();
        }
    }

    /// <summary>Closes the connection, ends Chromium and removes its profile.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be releasing its profile; a leftover temp folder is harmless.
        }
    }

    // "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on stderr gives the port.
    private static Uri BrowserEndpoint(Process process)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Timeout)
        {
            var line = process.StandardError.ReadLineAsync();
            if (!line.Wait(Timeout) || line.Result is null)
            {
                break;
            }

            int at = line.Result.IndexOf("ws://", StringComparison.Ordinal);
            if (line.Result.StartsWith("DevTools listening on", StringComparison.Ordinal) && at >= 0)
            {
                // Keep draining stderr so Chromium never blocks on a full pipe.
                _ = Task.Run(() => process.StandardError.ReadToEnd());
                return new Uri(line.Result[at..].Trim());
            }
        }

        throw new InvalidOperationException("Chromium did not report its DevTools endpoint.");
    }

    // The page target's WebSocket, from the endpoint's /json/list.
    private void Attach(Uri browser)
    {
        using var http = new HttpClient { Timeout = Timeout };
        string list = http.GetStringAsync(new Uri($"http://{browser.Authority}/json/list")).GetAwaiter().GetResult();
        using var targets = JsonDocument.Parse(list);
        string url = targets.RootElement.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page").GetProperty("webSocketDebuggerUrl").GetString()
            ?? throw new InvalidOperationException("Chromium listed a page without a WebSocket address.");
        using var timeout = new CancellationTokenSource(Timeout);
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        _socket.ConnectAsync(new Uri(url), timeout.Token).GetAwaiter().GetResult();
    }

    private string Receive(CancellationToken cancellation)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = _socket.ReceiveAsync(buffer, cancellation).GetAwaiter().GetResult();
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("Chromium closed the DevTools connection.");
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
