using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using TorchSharp;

namespace LatentWorkbench.Tests.Reduction;

/// <summary>The contract every reducer shares (STYLE.md §4): bad input fails at Fit with a message naming what to fix.</summary>
public sealed class ReducerContractTests
{
    /// <summary>Each reducer under test, built for a given number of output components.</summary>
    public static TheoryData<string> Reducers() => new(ReducerFactories.Names);

    [Theory]
    [MemberData(nameof(Reducers))]
    public void Fit_Throws_When_Input_Is_Empty(string name)
    {
        var reducer = ReducerFactories.Create(name, components: 2);
        var error = Assert.ThrowsAny<ArgumentException>(() => reducer.Fit(torch.zeros(0, 5)));
        Assert.Equal("data", error.ParamName);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Reducers))]
    public void Fit_Throws_When_Input_Is_Null(string name)
    {
        var reducer = ReducerFactories.Create(name, components: 2);
        var error = Assert.Throws<ArgumentNullException>(() => reducer.Fit(null!));
        Assert.Equal("data", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(Reducers))]
    public void Fit_Throws_When_Components_Exceed_Features(string name)
    {
        var reducer = ReducerFactories.Create(name, components: 6);
        var error = Assert.ThrowsAny<ArgumentException>(() => reducer.Fit(ReducerFactories.Blobs(rows: 60, cols: 5).ToTensor()));
        Assert.Equal("Components", error.ParamName);
        Assert.Contains("Components", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Reducers))]
    public void Fit_Throws_When_Input_Holds_NaN(string name) => AssertRejectsValue(name, float.NaN);

    [Theory]
    [MemberData(nameof(Reducers))]
    public void Fit_Throws_When_Input_Holds_Infinity(string name) => AssertRejectsValue(name, float.PositiveInfinity);

    [Fact]
    public void Matrix_Throws_When_Shape_Does_Not_Match_Data()
    {
        var error = Assert.Throws<ArgumentException>(() => new Matrix(new float[10], 3, 4));
        Assert.Equal("data", error.ParamName);
        Assert.Contains("3 × 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_Throws_When_Columns_Differ_From_Fit()
    {
        var model = new PcaReducer(new PcaOptions { Components = 2 }).Fit(ReducerFactories.Blobs(rows: 40, cols: 5));
        var error = Assert.Throws<ArgumentException>(() => model.Transform(ReducerFactories.Blobs(rows: 3, cols: 4)));
        Assert.Equal("data", error.ParamName);
        Assert.Contains("5", error.Message, StringComparison.Ordinal);
    }

    private static void AssertRejectsValue(string name, float bad)
    {
        var data = ReducerFactories.Blobs(rows: 60, cols: 5);
        data.Data[(7 * 5) + 3] = bad;
        var reducer = ReducerFactories.Create(name, components: 2);
        var error = Assert.ThrowsAny<ArgumentException>(() => reducer.Fit(data.ToTensor()));
        Assert.Equal("data", error.ParamName);
        Assert.Contains("row 7, column 3", error.Message, StringComparison.Ordinal);
    }
}
