using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Training;
using MathNet.Numerics.LinearAlgebra;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Autoencoders;

public sealed class LinearAutoencoderTests : AutoencoderContract
{
    private static readonly LinearAutoencoderConfig Small = new(InputSize: 12, CodeSize: 3);

    protected override int InputSize => Small.InputSize;

    protected override IAutoencoder Create(long seed)
    {
        torch.manual_seed(seed);
        return new LinearAutoencoder(Small);
    }

    [Fact]
    public void Parameter_Names_Are_Encoder_And_Decoder()
    {
        Assert.Equal(["encoder.weight", "encoder.bias", "decoder.weight", "decoder.bias"], new LinearAutoencoder(Small).state_dict().Keys);
    }

    [Fact]
    public void After_Training_The_Decoder_Spans_The_Top_Principal_Subspace()
    {
        // Data: rank-2 signal with unequal scales in 10 dimensions, an offset and small isotropic noise.
        const int n = 400, d = 10, k = 2;
        var random = new Random(3);
        var basis = Matrix<double>.Build.Random(d, k, new MathNet.Numerics.Distributions.Normal(0, 1, random)).QR().Q.SubMatrix(0, d, 0, k);
        var data = Matrix<double>.Build.Dense(n, d, (i, j) => 0);
        for (int i = 0; i < n; i++)
        {
            var z = Vector<double>.Build.Dense([3 * Normal(random), 1.5 * Normal(random)]);
            var x = (basis * z) + Vector<double>.Build.Dense(d, j => 0.5 + (0.05 * Normal(random)));
            data.SetRow(i, x);
        }

        torch.manual_seed(0);
        var model = new LinearAutoencoder(new LinearAutoencoderConfig(InputSize: d, CodeSize: k));
        using var tensor = torch.tensor(data.ToRowMajorArray().Select(v => (float)v).ToArray(), [n, d]);
        using (var adam = new OptimizerOptions { LearningRate = 1e-2 }.Create(model.parameters()))
        {
            new Trainer(new TrainerOptions { Epochs = 150, BatchSize = 50 }).Fit(model, adam, tensor);
        }

        var centred = data - Matrix<double>.Build.Dense(n, d, (_, j) => data.Column(j).Average());
        var principal = centred.Svd().VT.SubMatrix(0, k, 0, d).Transpose(); // top-k right singular vectors, [d, k]
        var weight = model.DecoderWeight.detach().to_type(torch.float64).data<double>().ToArray();
        var learned = Matrix<double>.Build.DenseOfRowMajor(d, k, weight).QR().Q.SubMatrix(0, d, 0, k);
        // Cosines of the principal angles are the singular values of Pᵀ Q for orthonormal bases P, Q.
        var cosines = (principal.Transpose() * learned).Svd().S;
        Assert.All(cosines, c => Assert.True(c > 0.995, $"principal angle {Math.Acos(Math.Min(1, c)) * 180 / Math.PI:F2}° is not small; cosines {cosines}"));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
