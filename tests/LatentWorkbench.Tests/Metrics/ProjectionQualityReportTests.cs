using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Tests.Reduction;
using TorchSharp;

namespace LatentWorkbench.Tests.Metrics;

public sealed class ProjectionQualityReportTests
{
    [Fact]
    public void Each_Row_Holds_The_Metrics_Computed_Alone_And_The_Table_Has_The_Report_Columns()
    {
        var data = ReducerFactories.Blobs(rows: 240, cols: 6, classes: 3, seed: 2);
        int[] labels = Enumerable.Range(0, data.Rows).Select(i => i % 3).ToArray();
        var embedded = new PcaReducer(new PcaOptions { Components = 2 }).Fit(data).Transform(data);

        var row = ProjectionQualityReport.Measure("blobs", "PCA", data, embedded, labels, seconds: 0.5);
        var table = ProjectionQualityReport.ToDataFrame([row, row with { Method = "copy" }]);

        Assert.Equal(NeighborhoodPreservation.Trustworthiness(data, embedded, 10), row.Trustworthiness);
        Assert.Equal(NeighborhoodPreservation.Continuity(data, embedded, 10), row.Continuity);
        Assert.Equal(KnnAccuracy.CrossValidated(embedded, labels, 10, 5), row.KnnAccuracy);
        Assert.Equal(Silhouette.Score(embedded, labels), row.Silhouette);
        Assert.Equal(ProjectionQualityReport.Columns, table.Columns.Select(c => c.Name));
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("copy", table["method"][1]);
        Assert.Equal(row.Trustworthiness, (double)table["trustworthiness"][0]!);
        Assert.Equal(240, (int)table["points"][0]!);
    }

    [Fact]
    public void Tensors_With_Int64_Labels_Are_Measured_Like_The_Kernels_Own_Matrices()
    {
        var data = ReducerFactories.Blobs(rows: 90, cols: 4, classes: 3, seed: 8);
        int[] labels = [.. Enumerable.Range(0, data.Rows).Select(i => i % 3)];
        var embedded = new PcaReducer(new PcaOptions { Components = 2 }).Fit(data).Transform(data);
        using var input = data.ToTensor();
        using var points = embedded.ToTensor();
        using var labelTensor = torch.tensor(labels.Select(l => (long)l).ToArray());

        var fromTensors = ProjectionQualityReport.Measure("t", "PCA", input, points, labelTensor, 1);
        var fromMatrices = ProjectionQualityReport.Measure("t", "PCA", data, embedded, labels, 1);

        Assert.Equal(fromMatrices, fromTensors);
    }

    [Fact]
    public void A_Float64_Non_Contiguous_Input_Is_Copied_Once_And_Measured_Alike()
    {
        var data = ReducerFactories.Blobs(rows: 90, cols: 4, classes: 3, seed: 8);
        using var input = data.ToTensor();
        using var points = new PcaReducer(new PcaOptions { Components = 2 }).Fit(input).Transform(input);
        using var labels = torch.arange(90, dtype: torch.int64) % 3;
        using var wide = input.to(torch.float64);
        using var columnMajor = wide.t().contiguous();
        using var strided = columnMajor.t();
        Assert.False(strided.is_contiguous());

        Assert.Equal(
            ProjectionQualityReport.Measure("t", "PCA", input, points, labels, 1),
            ProjectionQualityReport.Measure("t", "PCA", strided, points, labels, 1));
    }

    [Fact]
    public void Float_Labels_Are_Refused_With_The_Parameter_Named()
    {
        using var input = ReducerFactories.Blobs(rows: 30, cols: 3).ToTensor();
        using var labels = torch.zeros(30);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => ProjectionQualityReport.Measure("t", "x", input, input, labels, 1)).ParamName);
    }
}
