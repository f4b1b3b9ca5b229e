namespace LatentWorkbench.Twins;

/// <summary>
/// The host a notebook's twin calls (the lines that end in <c>// twin</c>): <see cref="Start"/> reads the command line
/// through the runner's parameter parser, <see cref="Cell"/> marks each cell, <see cref="Parameter{T}"/> applies an
/// override, <see cref="End"/> writes the output folder as <c>notebooks run</c> does.
/// </summary>
public static class Twin
{
    private static TwinRun? _current;

    internal static TwinRun Current => _current
        ?? throw new InvalidOperationException("The twin's host has not started: a twin's first cell calls Twin.Start(args); run it with dotnet run notebooks/NN-name.cs.");

    /// <summary>
    /// Starts the run: parses <paramref name="args"/> (<c>--quick</c>, <c>--set name=value</c>, <c>--out DIR</c>) and checks every
    /// override against the twin's parameters cell; a bad one prints the runner's one-line error and exits with code 1
    /// before anything else runs.
    /// </summary>
    public static void Start(string[] args) => _current = TwinRun.Start(args);

    /// <summary>Marks the start of notebook cell <paramref name="number"/> of <paramref name="total"/> (id <paramref name="id"/>): progress on the console, outputs collected for it.</summary>
    public static void Cell(int number, int total, string id) => Current.BeginCell(number, total, id);

    /// <summary>The override of parameter <paramref name="name"/> given on the command line, or <paramref name="value"/> (its default).</summary>
    public static T Parameter<T>(string name, T value) => Current.Parameter(name, value);

    /// <summary>The run reached the end of the twin: writes the executed notebook, figures, <c>metrics.json</c> and <c>index.html</c> and swaps the output folder in.</summary>
    public static void End() => Current.End();
}
