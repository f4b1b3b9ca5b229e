namespace LatentWorkbench.Notebooks.Twins;

/// <summary>
/// The spelling of a notebook's twin: a C# file-based program (<c>dotnet run notebooks/NN-name.cs</c>) in Jupytext's
/// "percent" format, where <c>// %%</c> starts a code cell and <c>// %% [markdown]</c> a markdown cell whose lines are
/// <c>//</c> comments. What the twin adds to run without a kernel is marked, so that the way back drops exactly it.
/// </summary>
public static class TwinSyntax
{
    /// <summary>Starts a cell: <c>// %%</c>, then <c>[markdown]</c> for markdown, then <c>id="…"</c> and <c>tags=[…]</c>.</summary>
    public const string CellMarker = "// %%";

    /// <summary>Marks a markdown cell after <see cref="CellMarker"/>.</summary>
    public const string MarkdownMarker = "[markdown]";

    /// <summary>Ends every line the twin adds (using directives, the start call, parameter reads): dropped on the way back.</summary>
    public const string AddedLineSuffix = " // twin";

    /// <summary>Opens the display of a cell's trailing value, written just before the expression.</summary>
    public const string ValueOpen = "display(/*twin*/";

    /// <summary>Closes the display of a cell's trailing value, written just after the expression.</summary>
    public const string ValueClose = "/*twin*/);";

    /// <summary>The notebook's reference to the compiled library (relative to notebooks/).</summary>
    public const string LibraryReference = "#r \"../src/LatentWorkbench/bin/Release/net10.0/LatentWorkbench.dll\"";

    /// <summary>
    /// What the twin references instead: the project that builds the library and the twin's host (parameters from the
    /// command line, figures and recorded values to an output folder), so <c>dotnet run</c> needs no earlier build.
    /// </summary>
    public const string TwinProjectReference = "#:project ../src/LatentWorkbench.Twins/LatentWorkbench.Twins.csproj";

    /// <summary>The host class the added lines call.</summary>
    public const string Host = "global::LatentWorkbench.Twins.Twin";

    /// <summary>The twin's file name for a notebook file name (<c>03-vae-training.ipynb</c> → <c>03-vae-training.cs</c>).</summary>
    public static string TwinFileName(string notebookPath) => Path.ChangeExtension(Path.GetFileName(notebookPath), ".cs");
}
