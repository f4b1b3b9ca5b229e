using System.Reflection;

namespace LatentWorkbench.Tests.TestUtilities;

/// <summary>
/// The real .NET Interactive C# kernel, in-process: code is submitted as a notebook cell that #r's the
/// library by path (as the notebooks do), and what it displays comes back from the kernel's own events.
/// </summary>
/// <remarks>
/// Driven by reflection so that this test assembly carries no compile-time reference to the kernel's
/// assemblies: the runner's fixture notebook #r's this test assembly, and a reference to the kernel's
/// formatting library would hand that script a second <c>System.DisplayExtensions</c> beside the runner's own.
/// </remarks>
internal static class RealCSharpKernel
{
    /// <summary>
    /// Runs <paramref name="cells"/> one after another in one kernel, as a notebook's cells, the first after <c>#r</c> of
    /// the library; returns, per displayed value of any cell, its MIME type → text.
    /// </summary>
    public static async Task<IReadOnlyList<Dictionary<string, string>>> DisplaysAsync(params string[] cells)
    {
        var csharp = Assembly.Load("Microsoft.DotNet.Interactive.CSharp");
        var core = Assembly.Load("Microsoft.DotNet.Interactive");
        object kernel = Activator.CreateInstance(csharp.GetType("Microsoft.DotNet.Interactive.CSharp.CSharpKernel", throwOnError: true)!)!;
        try
        {
            Static(csharp, "Microsoft.DotNet.Interactive.CSharp.CSharpKernelExtensions", "UseKernelHelpers").Invoke(null, [kernel]);
            string library = typeof(LatentWorkbench.Tables.DataFrames).Assembly.Location;
            var displays = new List<Dictionary<string, string>>();
            for (int i = 0; i < cells.Length; i++)
            {
                string code = i == 0 ? $"#r \"{library}\"\n{cells[i]}" : cells[i];
                var submit = (Task)Static(core, "Microsoft.DotNet.Interactive.KernelExtensions", "SubmitCodeAsync").Invoke(null, [kernel, code])!;
                await submit;
                dynamic result = submit.GetType().GetProperty("Result")!.GetValue(submit)!;
                foreach (object e in result.Events)
                {
                    if (e.GetType().Name == "CommandFailed")
                    {
                        Assert.Fail($"Cell {i + 1} failed in the kernel: {((dynamic)e).Message}");
                    }

                    if (IsDisplayEvent(e.GetType()))
                    {
                        var bundle = new Dictionary<string, string>(StringComparer.Ordinal);
                        foreach (dynamic value in ((dynamic)e).FormattedValues)
                        {
                            bundle[(string)value.MimeType] = (string)value.Value;
                        }

                        displays.Add(bundle);
                    }
                }
            }

            return displays;
        }
        finally
        {
            ((IDisposable)kernel).Dispose();
        }
    }

    private static MethodInfo Static(Assembly assembly, string type, string method) =>
        assembly.GetType(type, throwOnError: true)!.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m => m.Name == method);

    private static bool IsDisplayEvent(Type? type) => type is not null && (type.Name == "DisplayEvent" || IsDisplayEvent(type.BaseType));
}
