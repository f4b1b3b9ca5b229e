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
    public void State_Dict_Names_Are_Encoder_Decoder_And_The_Input_Mean()
    {
        Assert.Equal(["encoder.weight", "encoder.bias", "decoder.weight", "decoder.bias", "input_mean"], new LinearAutoencoder(Small).state_dict().Keys);
    }

    [Fact]
    public void Initializing_From_Data_Centers_The_Code_On_The_Training_Mean()
    {
        using var data = torch.arange(0, 4 * 12, dtype: torch.float32).reshape(4, 12);
        var model = new LinearAutoencoder(Small);
        Assert.Equal(0f, model.InputMean.abs().sum().item<float>());
        model.InitializeFromData(data);

        using var expected = data.mean([0]);
        Assert.True(model.InputMean.allclose(expected), "input_mean is not the column mean of the data");
        // The mean image encodes to the encoder bias and a zero code decodes to decoder bias + mean.
        using var mean = expected.unsqueeze(0);
        using var code = model.Encode(mean);
        Assert.True(code.squeeze(0).allclose(model.state_dict()["encoder.bias"], atol: 1e-5));
        using var zero = torch.zeros(1, Small.CodeSize);
        using var decoded = model.Decode(zero);
        Assert.True(decoded.squeeze(0).allclose(model.state_dict()["decoder.bias"] + expected, atol: 1e-5));
    }

    [Fact]
    public void Without_Centering_The_Data_Leaves_The_Mean_At_Zero()
    {
        using var data = torch.ones(4, 12);
        var model = new LinearAutoencoder(Small with { CenterInput = false });
        model.InitializeFromData(data);
        Assert.Equal(0f, model.InputMean.abs().sum().item<float>());
    }

    [Fact]
    public void After_Training_The_Decoder_Spans_The_Top_Principal_Subspace()
    {
        AssertLearnsPrincipalSubspace(offset: 0.5, centerInput: false, epochs: 150);
    }

    [Fact]
    public void On_Data_Far_From_The_Origin_Centering_Is_What_Finds_The_Subspace()
    {
        AssertLearnsPrincipalSubspace(offset: 5, centerInput: true, epochs: 30);
        // The same data uncentred: five times the epochs still leave an angle above the 5.7° (cos 0.995) bound.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertLearnsPrincipalSubspace(offset: 5, centerInput: false, epochs: 150));
    }

    private static void AssertLearnsPrincipalSubspace(double offset, bool centerInput, int epochs)
    {
        // Data: rank-2 signal with unequal scales in 10 dimensions, an offset and small isotropic noise.
        const int n = 400, d = 10, k = 2;
        var random = new Random(3);
        var basis = Matrix<double>.Build.Random(d, k, new MathNet.Numerics.Distributions.Normal(0, 1, random)).QR().Q.SubMatrix(0, d, 0, k);
        var data = Matrix<double>.Build.Dense(n, d, (i, j) => 0);
        for (int i = 0; i < n; i++)
        {
            var z = Vector<double>.Build.Dense([3 * Normal(random), 1.5 * Normal(random)]);
            var x = (basis * z) + Vector<double>.Build.Dense(d, j => offset + (0.05 * Normal(random)));
            data.SetRow(i, x);
        }

        torch.manual_seed(0);
        var model = new LinearAutoencoder(new LinearAutoencoderConfig(InputSize: d, CodeSize: k, CenterInput: centerInput));
        using var tensor = torch.tensor(data.ToRowMajorArray().Select(v => (float)v).ToArray(), [n, d]);
        model.InitializeFromData(tensor);
        using (var adam = new OptimizerOptions { LearningRate = 1e-2 }.Create(model.parameters()))
        {
            new Trainer(new TrainerOptions { Epochs = epochs, BatchSize = 50 }).Fit(model, adam, tensor);
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
