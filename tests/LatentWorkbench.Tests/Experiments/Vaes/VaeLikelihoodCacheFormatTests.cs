using System.Text.Json;
using LatentWorkbench.Experiments.Vaes;
using LatentWorkbench.Metrics.Likelihood;
using TorchSharp;

namespace LatentWorkbench.Tests.Experiments.Vaes;

/// <summary>
/// The likelihood cache beside a run's checkpoint outlives the code that wrote it: a file from before
/// <see cref="LikelihoodEstimate"/> held tensors (per-example values as JSON arrays of numbers) must still load, and
/// today's code must write the same form.
/// </summary>
public sealed class VaeLikelihoodCacheFormatTests
{
    // As the double[] version of LikelihoodEstimate serialized it: arrays, then the derived means (ignored on reading).
    private const string StoredBefore =
        """
        {"Curve":[{"LogLikelihood":[-1.5,-2.25],"Elbo":[-2,-3],"Reconstruction":[1.5,2.5],"Kl":[0.5,0.5],"Samples":8,"MeanNegativeLogLikelihood":1.875,"StandardError":0.375,"MeanElbo":-2.5,"MeanReconstruction":2,"MeanKl":0.5}],"TestExamples":2,"Seconds":1.25,"FromCache":false}
        """;

    [Fact]
    public void A_Cache_File_Of_Arrays_Loads_As_Float64_Tensors()
    {
        var result = JsonSerializer.Deserialize<VaeLikelihoodResult>(StoredBefore, VaeLikelihood.CacheJson)!;

        var estimate = Assert.Single(result.Curve);
        Assert.Equal([-1.5, -2.25], estimate.LogLikelihood.data<double>().ToArray());
        Assert.Equal([-2.0, -3.0], estimate.Elbo.data<double>().ToArray());
        Assert.Equal([1.5, 2.5], estimate.Reconstruction.data<double>().ToArray());
        Assert.Equal([0.5, 0.5], estimate.Kl.data<double>().ToArray());
        Assert.Equal(torch.float64, estimate.Kl.dtype);
        Assert.Equal(8, estimate.Samples);
        Assert.Equal(1.875, result.NegativeLogLikelihood);
        Assert.Equal(0.375, result.StandardError);
    }

    [Fact]
    public void Today_Writes_What_Was_Stored_Before_Character_For_Character()
    {
        var estimate = new LikelihoodEstimate(
            torch.tensor(new[] { -1.5, -2.25 }), torch.tensor(new[] { -2.0, -3.0 }), torch.tensor(new[] { 1.5, 2.5 }), torch.tensor(new[] { 0.5, 0.5 }), 8);

        Assert.Equal(StoredBefore, JsonSerializer.Serialize(new VaeLikelihoodResult([estimate], 2, 1.25), VaeLikelihood.CacheJson));
    }

    [Fact]
    public void A_Nan_Per_Example_Value_Round_Trips_As_The_Named_Literal()
    {
        var estimate = new LikelihoodEstimate(
            torch.tensor(new[] { double.NaN }), torch.tensor(new[] { 1.0 }), torch.tensor(new[] { 2.0 }), torch.tensor(new[] { 3.0 }), 1);

        string json = JsonSerializer.Serialize(new VaeLikelihoodResult([estimate], 1, 0), VaeLikelihood.CacheJson);
        var back = JsonSerializer.Deserialize<VaeLikelihoodResult>(json, VaeLikelihood.CacheJson)!;

        Assert.Contains("\"LogLikelihood\":[\"NaN\"]", json, StringComparison.Ordinal);
        Assert.True(double.IsNaN(back.Final.LogLikelihood[0].item<double>()));
    }
}
