namespace LatentWorkbench.Data;

/// <summary>Where the workbench keeps its data, wherever it is started from.</summary>
/// <remarks>
/// Notebooks run with the current directory set to <c>notebooks/</c>, the CLI from the repository root,
/// tests from <c>tests/.../bin/</c>: all of them find the same <c>data/mnist</c> by walking up to the
/// folder that holds <c>LatentWorkbench.sln</c>. The environment variable
/// <c>LATENTWORKBENCH_MNIST_DIR</c> overrides that.
/// </remarks>
public static class DataPaths
{
    /// <summary>The environment variable that names the MNIST folder explicitly.</summary>
    public const string MnistDirectoryVariable = "LATENTWORKBENCH_MNIST_DIR";

    /// <summary>The repository root: the nearest folder at or above <paramref name="start"/> holding LatentWorkbench.sln.</summary>
    /// <returns>The root, or null when the start folder is not inside a checkout.</returns>
    public static string? FindRepositoryRoot(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory());
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LatentWorkbench.sln")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        return null;
    }

    /// <summary>The MNIST folder: the override variable, else <c>data/mnist</c> under the repository root, else under the current directory.</summary>
    public static string MnistDirectory()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(MnistDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        string root = FindRepositoryRoot() ?? FindRepositoryRoot(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
        return Path.Combine(root, "data", "mnist");
    }
}
