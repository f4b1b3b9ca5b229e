using System.Diagnostics;
using LatentWorkbench.Data;
using LatentWorkbench.Metrics.Likelihood;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Experiments;

/// <summary>Evaluation beyond the ELBO: the importance-sampled test log-likelihood of a trained VAE (any of the family).</summary>
public static class VaeLikelihood
{
    /// <summary>
    /// Scores the first <see cref="VaeLikelihoodOptions.TestExamples"/> digits of <paramref name="test"/> with
    /// <see cref="ImportanceSampledLikelihood.EstimateCurve"/> at every k of the options, on the model's device.
    /// </summary>
    /// <param name="model">The trained model (e.g. <see cref="VaeExperimentResult.Model"/>).</param>
    /// <param name="test">The test split.</param>
    /// <param name="options">Subset, k, seed; null: the defaults.</param>
    /// <param name="progress">Receives the number of examples done.</param>
    /// <exception cref="ArgumentOutOfRangeException">The subset is larger than the split, or an option is invalid.</exception>
    public static VaeLikelihoodResult Evaluate(IVariationalAutoencoder model, MnistSplit test, VaeLikelihoodOptions? options = null, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        options ??= VaeLikelihoodOptions.Default;
        options.Validate();
        if (options.TestExamples > test.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TestExamples, $"TestExamples is {options.TestExamples}, but the '{test.Name}' split has {test.Count} digits.");
        }

        var device = model.Module.parameters().Select(p => p.device).FirstOrDefault() ?? torch.CPU;
        using var tensors = MnistSplitTensors.From(test.Take(options.TestExamples), device);
        var clock = Stopwatch.StartNew();
        var curve = ImportanceSampledLikelihood.EstimateCurve(model, tensors.Images, options.SampleCounts, options.Sampling, progress: progress);
        return new VaeLikelihoodResult(curve, options.TestExamples, clock.Elapsed.TotalSeconds);
    }
}
