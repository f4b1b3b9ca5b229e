using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Runs;

public sealed class SqliteNativeLibraryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// A notebook kernel loads our DLL by path and has no .deps.json listing SQLite's native library. This test
    /// builds such a host: this assembly and its SQLite dependencies copied into a folder without the deps file,
    /// the native library only under runtimes/&lt;rid&gt;/native/ as the package ships it.
    /// </summary>
    [Fact]
    public void The_Store_Works_In_A_Host_Without_A_Deps_File_Like_A_Notebook_Kernel()
    {
        string source = AppContext.BaseDirectory;
        string host = Directory.CreateDirectory(_temp.File("host")).FullName;
        string[] prefixes = ["LatentWorkbench.", "Microsoft.Data.Sqlite", "SQLitePCLRaw."];
        foreach (string file in Directory.GetFiles(source))
        {
            string name = Path.GetFileName(file);
            if (prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) && !name.EndsWith(".deps.json", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(host, name));
            }
        }

        int natives = 0;
        foreach (string file in Directory.GetFiles(Path.Combine(source, "runtimes"), "*e_sqlite3*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(host, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            natives++;
        }

        Assert.True(natives > 0, "the test output has no runtimes/*/native/*e_sqlite3* to copy");
        Assert.Empty(Directory.GetFiles(host, "libe_sqlite3*").Concat(Directory.GetFiles(host, "e_sqlite3.*")));
        string store = _temp.File("runs.db");

        RunStoreWriterProcess.AssertSucceeds(RunStoreWriterProcess.Start(store, writer: 0, runs: 2, Path.Combine(host, "LatentWorkbench.Tests.dll")));

        RunStoreConcurrencyTests.AssertEveryRunIsThere(store, writers: 1, runsPerWriter: 2);
    }
}
