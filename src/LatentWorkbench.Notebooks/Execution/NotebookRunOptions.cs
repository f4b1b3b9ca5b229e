using LatentWorkbench.Notebooks.Parameters;

namespace LatentWorkbench.Notebooks.Execution;

/// <summary>How to run a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The parameter every shipped notebook declares for how much it trains and measures (a <c>StudyBudget</c>).</summary>
    public const string BudgetParameter = "budget";

    /// <summary>The <see cref="BudgetParameter"/> value of the fast smoke run (<c>--quick</c>).</summary>
    public const string QuickBudget = "quick";

    /// <summary>Overrides by parameter name, as text (parsed for each parameter's declared type).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Sets the <c>budget</c> parameter to <c>quick</c> where the notebook declares one (unless <see cref="Parameters"/> sets it).</summary>
    public bool Quick { get; init; }

    /// <summary>Resolves enum parameters' types and says which values this machine cannot use (default: the enums loaded in the process, every value usable).</summary>
    public ParameterEnums Enums { get; init; } = ParameterEnums.FromLoadedAssemblies;

    /// <summary>Where to write the executed notebook (.ipynb); null: not written.</summary>
    public string? OutputPath { get; init; }

    /// <summary>
    /// The path recorded as <c>metadata.papermill.output_path</c> (default: <see cref="OutputPath"/>): a run staged in
    /// another folder names where the executed copy will be once the folder is swapped in.
    /// </summary>
    public string? RecordedOutputPath { get; init; }

    /// <summary>Where to export figures (a fresh folder); null: figures are not exported.</summary>
    public string? FiguresDirectory { get; init; }

    /// <summary>Where each run's recorded values are kept beyond <c>metrics.json</c> (the CLI: the run store); null: nowhere.</summary>
    public IRecordedValuesHistory? History { get; init; }

    /// <summary>Called when each code cell starts and ends.</summary>
    public Action<CellProgress>? Progress { get; init; }

    /// <summary>The overrides for a notebook that declares <paramref name="declared"/>: <see cref="Parameters"/>, plus <c>budget=quick</c> when <see cref="Quick"/> is set and the notebook has a budget.</summary>
    public IReadOnlyDictionary<string, string> EffectiveParameters(IReadOnlyList<ParameterDeclaration> declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var all = new Dictionary<string, string>(Parameters, StringComparer.Ordinal);
        if (Quick && declared.Any(p => p.Name == BudgetParameter))
        {
            all.TryAdd(BudgetParameter, QuickBudget);
        }

        return all;
    }

    /// <summary>Options that write the executed notebook to <c>DIR/NAME.ipynb</c> and its figures to <c>DIR/figures/NAME/</c>.</summary>
    public static NotebookRunOptions IntoDirectory(string directory, string notebookPath) => new()
    {
        OutputPath = Path.Combine(directory, Path.GetFileNameWithoutExtension(notebookPath) + ".ipynb"),
        FiguresDirectory = Path.Combine(directory, "figures", Path.GetFileNameWithoutExtension(notebookPath)),
    };
}
