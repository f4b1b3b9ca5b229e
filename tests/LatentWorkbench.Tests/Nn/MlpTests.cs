using LatentWorkbench.Autograd;
using LatentWorkbench.Nn;
using LatentWorkbench.Ops;
using LatentWorkbench.Optim;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Tests.Nn;

public sealed class MlpTests
{
    [Fact]
    public void Mlp_Fits_Two_Moons_To_99_Percent()
    {
        var (points, labels) = TwoMoons(400, noise: 0.1f, seed: 11);
        var random = new TensorRandom(0);
        var model = new Sequential(new Linear(2, 32, random), new ReLU(), new Linear(32, 32, random), new ReLU(), new Linear(32, 2, random));
        var optimizer = new Adam(model.Parameters(), 0.01f);
        for (int epoch = 0; epoch < 400; epoch++)
        {
            using var scope = TensorScope.Begin();
            optimizer.ZeroGrad();
            Functional.CrossEntropy(model.Forward(points), labels).Backward();
            optimizer.Step();
        }

        Assert.True(Accuracy(model, points, labels) >= 0.99, $"accuracy {Accuracy(model, points, labels):P1}");
        var (testPoints, testLabels) = TwoMoons(400, noise: 0.1f, seed: 12);
        Assert.True(Accuracy(model, testPoints, testLabels) >= 0.99, $"held-out accuracy {Accuracy(model, testPoints, testLabels):P1}");
    }

    private static double Accuracy(Module model, Tensor points, int[] labels)
    {
        using var noGrad = GradMode.NoGrad();
        var logits = model.Forward(points);
        int correct = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            int predicted = logits[i, 1] > logits[i, 0] ? 1 : 0;
            correct += predicted == labels[i] ? 1 : 0;
        }

        return correct / (double)labels.Length;
    }

    /// <summary>scikit-learn's make_moons: two interleaved half circles plus Gaussian noise.</summary>
    private static (Tensor Points, int[] Labels) TwoMoons(int count, float noise, ulong seed)
    {
        var random = new TensorRandom(seed);
        var points = Tensor.Zeros(count, 2);
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % 2;
            double t = Math.PI * random.NextDouble();
            double x = label == 0 ? Math.Cos(t) : 1 - Math.Cos(t);
            double y = label == 0 ? Math.Sin(t) : 0.5 - Math.Sin(t);
            points[i, 0] = (float)x + (noise * random.NextNormal());
            points[i, 1] = (float)y + (noise * random.NextNormal());
            labels[i] = label;
        }

        return (points, labels);
    }
}
