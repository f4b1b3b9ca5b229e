using LatentWorkbench.Data;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks;

/// <summary>Where the fixture and shipped notebooks are, and scratch folders to run them in.</summary>
internal static class NotebookTestFiles
{
    /// <summary>The repository root (the folder holding LatentWorkbench.sln).</summary>
    public static string RepositoryRoot { get; } = DataPaths.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No LatentWorkbench.sln above {AppContext.BaseDirectory}.");

    /// <summary>tests/LatentWorkbench.Tests/Notebooks/Fixtures.</summary>
    public static string FixturesDirectory => Path.Combine(RepositoryRoot, "tests", "LatentWorkbench.Tests", "Notebooks", "Fixtures");

    /// <summary>The shipped notebooks (notebooks/*.ipynb).</summary>
    public static IReadOnlyList<string> ShippedNotebooks() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Copies fixture <paramref name="fileName"/> into <paramref name="scratch"/>, with <c>lib/</c> holding copies of
    /// the test and library DLLs (a different path from the loaded ones, as a notebook's #r would be).
    /// </summary>
    public static string StageFixture(TempDirectory scratch, string fileName)
    {
        string lib = Path.Combine(scratch.Path, "lib");
        Directory.CreateDirectory(lib);
        foreach (var assembly in new[] { typeof(NotebookTestFiles).Assembly, typeof(MnistSplit).Assembly })
        {
            File.Copy(assembly.Location, Path.Combine(lib, Path.GetFileName(assembly.Location)), overwrite: true);
        }

        string path = scratch.File(fileName);
        File.Copy(Path.Combine(FixturesDirectory, fileName), path, overwrite: true);
        return path;
    }

    /// <summary>Writes a notebook made of C# code cells (cell 1 first) to <paramref name="path"/>.</summary>
    public static string WriteCodeNotebook(string path, params string[] sources)
    {
        var cells = sources.Select((source, i) => NotebookCell.NewCode(CellIds.FromSeed($"{path}#{i}"), source));
        new Notebook(PolyglotMetadata.NotebookMetadata(), cells).Save(path);
        return path;
    }
}
