using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Tests.Reduction;

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
    public void A_Tensor_Input_Is_Measured_Like_Its_Matrix()
    {
        var data = ReducerFactories.Blobs(rows: 90, cols: 4, classes: 3, seed: 8);
        byte[] labels = Enumerable.Range(0, data.Rows).Select(i => (byte)(i % 3)).ToArray();
        var embedded = new PcaReducer(new PcaOptions { Components = 2 }).Fit(data).Transform(data);
        using var tensor = data.AsTensor();

        var fromTensor = ProjectionQualityReport.Measure("t", "PCA", tensor, embedded, labels, 1);
        var fromMatrix = ProjectionQualityReport.Measure("t", "PCA", data, embedded, labels, 1);

        Assert.Equal(fromMatrix, fromTensor);
    }
}
