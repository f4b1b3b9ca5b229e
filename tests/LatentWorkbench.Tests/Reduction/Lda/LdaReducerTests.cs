using LatentWorkbench.Reduction.Lda;
using static TorchSharp.torch;

namespace LatentWorkbench.Tests.Reduction.Lda;

public sealed class LdaReducerTests
{
    // Three classes apart along axis 0 only, with much larger noise along axis 1: PCA's first direction is axis 1,
    // the discriminant's is axis 0.
    private static (Tensor Data, Tensor Labels) Classes(int perClass = 300)
    {
        var generator = new Generator(3);
        var labels = arange(3, dtype: ScalarType.Int64).repeat_interleave(perClass);
        var data = randn(3 * perClass, 5, generator: generator);
        data[.., 1] *= 10;
        data[.., 0] += labels.to_type(ScalarType.Float32) * 3;
        return (data, labels);
    }

    [Fact]
    public void Finds_The_Direction_That_Separates_The_Classes_Not_The_One_That_Varies_Most()
    {
        var (data, labels) = Classes();
        using var model = new LdaReducer(new LdaOptions()).Fit(data, labels);

        Assert.Equal(2, model.ComponentCount);   // classes − 1
        var first = model.Components()[0];
        double cosine = first[0].item<float>() / first.norm().item<float>();
        Assert.True(cosine > 0.99, $"cosine with axis 0 is {cosine}");
        Assert.True(model.DiscriminantRatio[0] > 0.95, $"first direction's share {model.DiscriminantRatio[0]}");
    }

    [Fact]
    public void Projected_Axes_Have_Unit_Within_Class_Variance_And_Transform_Centres_Then_Projects()
    {
        var (data, labels) = Classes();
        using var model = new LdaReducer(new LdaOptions { Shrinkage = 1e-9 }).Fit(data, labels);
        var projected = model.Transform(data);

        var within = zeros(2, 2, ScalarType.Float64);
        for (int c = 0; c < 3; c++)
        {
            var members = projected[labels.eq(c)].to_type(ScalarType.Float64);
            var centred = members - members.mean([0]);
            within += centred.t().mm(centred);
        }

        within /= data.shape[0];
        Assert.True(within.allclose(eye(2, dtype: ScalarType.Float64), rtol: 0, atol: 1e-3), within.ToString(TorchSharp.TensorStringStyle.Numpy));
        var expected = (data - data.mean([0])).mm(model.Components().t());
        Assert.True(projected.allclose(expected, rtol: 0, atol: 1e-3));
    }

    [Fact]
    public void Same_Data_Same_Directions_With_A_Fixed_Sign()
    {
        var (data, labels) = Classes();
        using var a = new LdaReducer(new LdaOptions()).Fit(data, labels);
        using var b = new LdaReducer(new LdaOptions()).Fit(data.clone(), labels.clone());
        Assert.True(a.Components().allclose(b.Components(), rtol: 0, atol: 0));
        Assert.True(a.Components()[0].abs().argmax().item<long>() == 0 && a.Components()[0, 0].item<float>() > 0);
    }

    [Fact]
    public void Bad_Input_Names_What_Is_Wrong()
    {
        var (data, labels) = Classes(10);
        var one = Assert.Throws<ArgumentException>(() => new LdaReducer(new LdaOptions()).Fit(data, zeros_like(labels)));
        Assert.Contains("two classes", one.Message, StringComparison.Ordinal);
        var mismatched = Assert.Throws<ArgumentException>(() => new LdaReducer(new LdaOptions()).Fit(data, labels[..5]));
        Assert.Contains("labels", mismatched.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LdaReducer(new LdaOptions { Components = 0 }).Fit(data, labels));
    }
}
