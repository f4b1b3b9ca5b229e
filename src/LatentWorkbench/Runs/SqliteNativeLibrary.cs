using System.Reflection;
using System.Runtime.InteropServices;

namespace LatentWorkbench.Runs;

/// <summary>
/// Lets SQLite's native library load when the library is referenced by path (a notebook's <c>#r</c>), not only
/// from an application built against it.
/// </summary>
/// <remarks>
/// The package puts <c>libe_sqlite3.so</c> (<c>.dylib</c>, <c>.dll</c>) under <c>runtimes/&lt;rid&gt;/native/</c>
/// beside our DLL. An application finds it there through its <c>.deps.json</c>; a notebook kernel has no such
/// file for our folder and looks only beside the managed DLL, so the first SQLite call would fail with
/// "Unable to load shared library 'e_sqlite3'". The resolver registered here looks in that <c>runtimes</c>
/// folder first and otherwise leaves the search to .NET (a RID-specific build puts the file flat beside the DLL).
/// </remarks>
internal static class SqliteNativeLibrary
{
    private const string LibraryName = "e_sqlite3";

    private static int s_registered;

    /// <summary>Registers the resolver once per process; must run before the first <c>SqliteConnection</c> is created.</summary>
    public static void EnsureResolvable()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 1)
        {
            return;
        }

        try
        {
            NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // The host registered its own resolver for SQLite's provider: it knows best where the library is.
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName || string.IsNullOrEmpty(assembly.Location))
        {
            return IntPtr.Zero;
        }

        string folder = Path.GetDirectoryName(assembly.Location)!;
        foreach (string rid in RuntimeIdentifiers())
        {
            string candidate = Path.Combine(folder, "runtimes", rid, "native", FileName());
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out IntPtr handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    /// <summary>The running RID, then the portable one the package's folders are named by (e.g. <c>linux-x64</c>, <c>linux-musl-arm64</c>).</summary>
    private static IEnumerable<string> RuntimeIdentifiers()
    {
        yield return RuntimeInformation.RuntimeIdentifier;
        string architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        string os = OperatingSystem.IsWindows() ? "win"
            : OperatingSystem.IsMacOS() ? "osx"
            : File.Exists("/etc/alpine-release") ? "linux-musl"
            : "linux";
        yield return $"{os}-{architecture}";
    }

    private static string FileName() =>
        OperatingSystem.IsWindows() ? "e_sqlite3.dll"
        : OperatingSystem.IsMacOS() ? "libe_sqlite3.dylib"
        : "libe_sqlite3.so";
}
