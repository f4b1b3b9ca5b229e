using LatentWorkbench.Metrics.Likelihood;

namespace LatentWorkbench.Experiments.Vaes;

/// <summary>What names a cached likelihood estimate beside its run's checkpoint (<see cref="VaeLikelihood.Evaluate(VaeExperimentResult, Data.MnistSplit, VaeLikelihoodOptions?, Runs.RunStore?, IProgress{long}?)"/>).</summary>
/// <param name="Test">The split's name.</param>
/// <param name="TestExamples">The first this many examples.</param>
/// <param name="SampleCounts">The k of the curve.</param>
/// <param name="Sampling">Batching and seed of the importance sampling.</param>
internal sealed record VaeLikelihoodCacheKey(string Test, int TestExamples, IReadOnlyList<int> SampleCounts, ImportanceSamplingOptions Sampling);
