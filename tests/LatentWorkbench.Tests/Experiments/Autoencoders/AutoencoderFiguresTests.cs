using LatentWorkbench.Experiments.Autoencoders;
using Plotly.NET;

namespace LatentWorkbench.Tests.Experiments.Autoencoders;

public sealed class AutoencoderFiguresTests
{
    [Fact]
    public void Each_Chart_Draws_One_Line_Per_Series()
    {
        int[] ks = [2, 10, 30];
        var errors = AutoencoderFigures.ErrorAgainstCodeSize(ks, [("PCA", [3.0, 2.0, 1.0]), ("AE", [2.0, 1.0, 0.5]), ("conv", [2.5, 1.5, 0.7])], "errors");
        Assert.Equal(3, GenericChart.countTrace(errors));

        var angles = AutoencoderFigures.PrincipalAngles([("k = 2", [0.1, 0.2]), ("k = 3", [0.1, 0.2, 0.3])], "angles");
        Assert.Equal(2, GenericChart.countTrace(angles));

        var noise = AutoencoderFigures.ErrorAgainstNoise([0, 0.5], [("a", [1.0, 2.0])], "noise", "fraction masked");
        Assert.Equal(1, GenericChart.countTrace(noise));
    }

    [Fact]
    public void A_Chart_Without_Series_Is_Refused()
    {
        Assert.Throws<ArgumentException>(() => AutoencoderFigures.PrincipalAngles([], "angles"));
    }
}
