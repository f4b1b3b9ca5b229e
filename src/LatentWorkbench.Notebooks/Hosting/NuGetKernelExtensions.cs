using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace LatentWorkbench.Notebooks.Hosting;

/// <summary>
/// Loads the kernel extensions a NuGet package ships (public <see cref="IKernelExtension"/> types in the DLLs of
/// its <c>interactive-extensions/dotnet/</c> folder) after the <c>#r "nuget:..."</c> cell that added it, as the
/// dotnet-interactive tool does (its loader is not published as a package). A <c>#r</c> of a DLL path loads none.
/// </summary>
public static class NuGetKernelExtensions
{
    /// <summary>Adds extension loading to <paramref name="kernel"/>.</summary>
    public static CompositeKernel UseNuGetKernelExtensions(this CompositeKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var pending = new ConcurrentQueue<string>();
        var seenRoots = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var loadedAssemblies = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        kernel.RegisterForDisposal(kernel.KernelEvents.Subscribe(new PackageObserver(root =>
        {
            if (seenRoots.TryAdd(root, true))
            {
                pending.Enqueue(root);
            }
        })));

        // After the command that restored packages: load what they brought.
        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context).ConfigureAwait(false);
            while (pending.TryDequeue(out string? root))
            {
                string folder = Path.Combine(root, "interactive-extensions", "dotnet");
                if (Directory.Exists(folder))
                {
                    await LoadFolderAsync(kernel, folder, context, loadedAssemblies).ConfigureAwait(false);
                }
            }
        });
        return kernel;
    }

    private static async Task LoadFolderAsync(CompositeKernel kernel, string folder, KernelInvocationContext context, ConcurrentDictionary<string, bool> loaded)
    {
        foreach (string dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            if (!loaded.TryAdd(AssemblyName.GetAssemblyName(dll).FullName, true))
            {
                continue;
            }

            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
            var extensionTypes = assembly.ExportedTypes
                .Where(t => !t.IsAbstract && !t.IsInterface && !t.IsGenericTypeDefinition && typeof(IKernelExtension).IsAssignableFrom(t));
            foreach (var type in extensionTypes)
            {
                var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                try
                {
                    await extension.OnLoadAsync(kernel).ConfigureAwait(false);
                    context.Publish(new KernelExtensionLoaded(extension, context.Command));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    context.Fail(context.Command, e, $"Failed to load kernel extension {type.FullName} from {dll}: {e.Message}");
                }
            }
        }
    }

    private sealed class PackageObserver(Action<string> onPackageRoot) : IObserver<KernelEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(KernelEvent value)
        {
            if (value is PackageAdded { PackageReference.PackageRoot: { Length: > 0 } root })
            {
                onPackageRoot(root);
            }
        }
    }
}
