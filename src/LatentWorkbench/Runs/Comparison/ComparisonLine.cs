namespace LatentWorkbench.Runs.Comparison;

/// <summary>One line of <see cref="RunComparison.Chart"/>: the runs that share every other varying setting, in x order.</summary>
/// <param name="Name">The settings the line's runs share, e.g. <c>hidden_size=400, seed=1</c>; empty when nothing else varies.</param>
/// <param name="X">The hyperparameter's values, ascending.</param>
/// <param name="Y">The metric at each x (the newest run where several share an x).</param>
/// <param name="RunIds">The store's id of the run behind each point.</param>
public sealed record ComparisonLine(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<long> RunIds);
