using System.Collections;
using System.Reflection;

namespace LatentWorkbench.Tests.Figures;

/// <summary>
/// The real .NET Interactive C# kernel (<c>CSharpKernel</c> with the kernel helpers: <c>display</c>, <c>HTML</c>), in process.
/// </summary>
/// <remarks>
/// Reached by name (reflection), never by type: a compile-time reference would make this test assembly reference
/// Microsoft.DotNet.Interactive, whose <c>System.DisplayExtensions</c> then collides with the script runner's own
/// when the runner fixtures <c>#r</c> this assembly.
/// </remarks>
internal sealed class InProcessKernel : IDisposable
{
    private readonly object _kernel;

    public InProcessKernel()
    {
        var kernelType = Type.GetType("Microsoft.DotNet.Interactive.CSharp.CSharpKernel, Microsoft.DotNet.Interactive.CSharp", throwOnError: true)!;
        var helpers = kernelType.Assembly.GetType("Microsoft.DotNet.Interactive.CSharp.CSharpKernelExtensions", throwOnError: true)!
            .GetMethod("UseKernelHelpers", BindingFlags.Public | BindingFlags.Static)!;
        _kernel = helpers.Invoke(null, [Activator.CreateInstance(kernelType)])!;
    }

    /// <summary>Submits one cell; returns each displayed value's mime bundle (display(...) and the trailing expression) and the failure message, if any.</summary>
    public async Task<(List<Dictionary<string, string>> Displays, string? Failure)> SubmitAsync(string code)
    {
        var submitType = Type.GetType("Microsoft.DotNet.Interactive.Commands.SubmitCode, Microsoft.DotNet.Interactive", throwOnError: true)!;
        var constructor = submitType.GetConstructors().OrderBy(c => c.GetParameters().Length).First(c => c.GetParameters()[0].ParameterType == typeof(string));
        object?[] arguments = [code, .. constructor.GetParameters().Skip(1).Select(p => p.DefaultValue)];
        var send = _kernel.GetType().GetMethods().Single(m => m.Name == "SendAsync" && m.GetParameters().Length == 2);
        var task = (Task)send.Invoke(_kernel, [constructor.Invoke(arguments), CancellationToken.None])!;
        await task;
        var events = ((IEnumerable)Get(Get(task, "Result")!, "Events")!).Cast<object>().ToList();
        string? failure = events.FirstOrDefault(e => e.GetType().Name == "CommandFailed") is { } failed ? (string?)Get(failed, "Message") : null;
        List<Dictionary<string, string>> displays = [.. events
            .Where(e => e.GetType().Name is "DisplayedValueProduced" or "ReturnValueProduced")
            .Select(e => ((IEnumerable)Get(e, "FormattedValues")!).Cast<object>()
                .ToDictionary(v => (string)Get(v, "MimeType")!, v => (string)Get(v, "Value")!))];
        return (displays, failure);
    }

    public void Dispose() => ((IDisposable)_kernel).Dispose();

    private static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);
}
