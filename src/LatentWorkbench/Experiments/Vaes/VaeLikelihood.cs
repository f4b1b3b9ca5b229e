using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using LatentWorkbench.Common;
using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Metrics.Likelihood;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using TorchSharp;

namespace LatentWorkbench.Experiments.Vaes;

/// <summary>Evaluation beyond the ELBO: the importance-sampled test log-likelihood of a trained VAE (any of the family).</summary>
public static class VaeLikelihood
{
    // Per-example tensors are written as arrays of numbers, the form the cache files of earlier versions hold
    // (LikelihoodEstimate's double[]s). Internal for the test that reads such a file.
    internal static readonly JsonSerializerOptions CacheJson = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new Float64VectorJsonConverter() },
    };

    /// <summary>
    /// <see cref="Evaluate(IVariationalAutoencoder, MnistSplit, VaeLikelihoodOptions?, IProgress{long}?)"/> for a trained
    /// run, cached beside its checkpoint: with a <paramref name="store"/> that holds the run, the result is written to
    /// <c>CHECKPOINT.likelihood-HASH.json</c> (HASH: the options) and read back on a later call with the same options,
    /// so a rerun of a notebook does not repeat the k = 5000 pass.
    /// </summary>
    /// <param name="trained">The trained model and its run.</param>
    /// <param name="test">The test split.</param>
    /// <param name="options">Subset, k, seed; null: the defaults.</param>
    /// <param name="store">The run store the run came from; null: no cache.</param>
    /// <param name="progress">Receives the number of examples done (not called for a cached result).</param>
    public static VaeLikelihoodResult Evaluate(VaeExperimentResult trained, MnistSplit test, VaeLikelihoodOptions? options = null, RunStore? store = null, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(trained);
        options ??= VaeLikelihoodOptions.Default;
        options.Validate();
        string? cache = store is not null && trained.RunId is { } id && store.Get(id) is { HasCheckpoint: true } run
            ? $"{run.CheckpointPath}.likelihood-{RunKey.For("likelihood", new VaeLikelihoodCacheKey(test.Name, options.TestExamples, options.SampleCounts, options.Sampling)).ShortHash}.json"
            : null;
        if (cache is not null && File.Exists(cache))
        {
            var stored = JsonSerializer.Deserialize<VaeLikelihoodResult>(File.ReadAllText(cache), CacheJson)
                ?? throw new InvalidDataException($"The cached likelihood '{cache}' is empty; delete it to recompute.");
            return stored with { FromCache = true };
        }

        var result = Evaluate(trained.Model, test, options, progress);
        if (cache is not null)
        {
            AtomicFile.WriteAllText(cache, JsonSerializer.Serialize(result, CacheJson));
        }

        return result;
    }

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
        using var tensors = test.Take(options.TestExamples).To(device);
        var clock = Stopwatch.StartNew();
        var curve = ImportanceSampledLikelihood.EstimateCurve(model, tensors.Images, options.SampleCounts, options.Sampling, progress: progress);
        return new VaeLikelihoodResult(curve, options.TestExamples, clock.Elapsed.TotalSeconds);
    }
}
