using LatentWorkbench.Compute;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Neighbors;
using TorchSharp;

namespace LatentWorkbench.Metrics;

/// <summary>
/// k-nearest-neighbour classification accuracy: how well labels can be read off an embedding's neighbourhoods.
/// </summary>
/// <remarks>
/// Each test point gets the majority label of its k nearest training points (Euclidean, uniform weights; a tied vote
/// goes to the smallest label, as scikit-learn's KNeighborsClassifier). <c>CrossValidated</c> uses stratified
/// folds without shuffling, assigned exactly as scikit-learn's <c>StratifiedKFold</c>, which is what
/// <c>cross_val_score(KNeighborsClassifier(k), X, y, cv=5)</c> uses; it returns the mean of the fold accuracies.
/// </remarks>
public static class KnnAccuracy
{
    /// <summary>Accuracy on (<paramref name="testData"/>, <paramref name="testLabels"/>) of a k-NN classifier on the training rows.</summary>
    /// <param name="trainData">Training points, float32 [N, D].</param>
    /// <param name="trainLabels">Their classes, integer [N] (int64 as <c>MnistSplit.Labels</c>).</param>
    /// <param name="testData">Test points, float32 [M, D].</param>
    /// <param name="testLabels">Their classes, integer [M].</param>
    /// <param name="k">Neighbours in the vote.</param>
    public static double Split(torch.Tensor trainData, torch.Tensor trainLabels, torch.Tensor testData, torch.Tensor testLabels, int k = 10)
    {
        using var trainHost = TensorSpans.OnHost(trainData, nameof(trainData));
        using var testHost = TensorSpans.OnHost(testData, nameof(testData));
        var train = Matrix.View(trainHost, nameof(trainData));
        var test = Matrix.View(testHost, nameof(testData));
        return Split(
            train, InputValidation.Labels(trainLabels, train.Rows, nameof(trainLabels)),
            test, InputValidation.Labels(testLabels, test.Rows, nameof(testLabels)), k);
    }

    /// <inheritdoc cref="Split(torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, int)"/>
    internal static double Split(Matrix trainData, ReadOnlySpan<int> trainLabels, Matrix testData, ReadOnlySpan<int> testLabels, int k = 10)
    {
        InputValidation.RequireFiniteMatrix(trainData, nameof(trainData));
        InputValidation.RequireFiniteMatrix(testData, nameof(testData));
        InputValidation.RequireLabels(trainLabels, trainData.Rows, nameof(trainLabels));
        InputValidation.RequireLabels(testLabels, testData.Rows, nameof(testLabels));
        InputValidation.RequireColumns(testData, trainData.Cols, nameof(testData));
        if (k < 1 || k > trainData.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the number of training rows ({trainData.Rows}).");
        }

        var graph = ExactNeighbors.SearchCore(trainData, testData, k, excludeSelf: false);
        int classes = Math.Max(trainLabels.ToArray().Max(), testLabels.ToArray().Max()) + 1;
        var votes = new int[classes];
        int correct = 0;
        for (int i = 0; i < testData.Rows; i++)
        {
            Array.Clear(votes);
            foreach (int j in graph.Indices(i))
            {
                votes[trainLabels[j]]++;
            }

            int predicted = 0;
            for (int c = 1; c < classes; c++)
            {
                if (votes[c] > votes[predicted])
                {
                    predicted = c;
                }
            }

            if (predicted == testLabels[i])
            {
                correct++;
            }
        }

        return correct / (double)testData.Rows;
    }

    /// <inheritdoc cref="Split(torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, int)"/>
    internal static double Split(Matrix trainData, ReadOnlySpan<byte> trainLabels, Matrix testData, ReadOnlySpan<byte> testLabels, int k = 10) =>
        Split(trainData, ToInt(trainLabels), testData, ToInt(testLabels), k);

    /// <summary>Mean accuracy over <paramref name="folds"/> stratified folds (no shuffling), each fold tested against the others.</summary>
    /// <param name="data">Points, float32 [N, D].</param>
    /// <param name="labels">Their classes, integer [N] (int64 as <c>MnistSplit.Labels</c>).</param>
    /// <param name="k">Neighbours in the vote.</param>
    /// <param name="folds">Stratified folds.</param>
    public static double CrossValidated(torch.Tensor data, torch.Tensor labels, int k = 10, int folds = 5)
    {
        using var host = TensorSpans.OnHost(data, nameof(data));
        var points = Matrix.View(host, nameof(data));
        return CrossValidated(points, InputValidation.Labels(labels, points.Rows, nameof(labels)), k, folds);
    }

    /// <inheritdoc cref="CrossValidated(torch.Tensor, torch.Tensor, int, int)"/>
    internal static double CrossValidated(Matrix data, ReadOnlySpan<int> labels, int k = 10, int folds = 5)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data));
        InputValidation.RequireLabels(labels, data.Rows, nameof(labels));
        if (folds < 2 || folds > data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"folds must be between 2 and the number of rows ({data.Rows}).");
        }

        if (labels.ToArray().Min() < 0)
        {
            throw new ArgumentException("labels must be ≥ 0.", nameof(labels));
        }

        int[] fold = StratifiedFolds(labels, folds);
        double sum = 0;
        for (int f = 0; f < folds; f++)
        {
            var test = Enumerable.Range(0, data.Rows).Where(i => fold[i] == f).ToArray();
            var train = Enumerable.Range(0, data.Rows).Where(i => fold[i] != f).ToArray();
            var trainLabels = new int[train.Length];
            var testLabels = new int[test.Length];
            for (int i = 0; i < train.Length; i++)
            {
                trainLabels[i] = labels[train[i]];
            }

            for (int i = 0; i < test.Length; i++)
            {
                testLabels[i] = labels[test[i]];
            }

            sum += Split(data.SelectRows(train), trainLabels, data.SelectRows(test), testLabels, k);
        }

        return sum / folds;
    }

    /// <inheritdoc cref="CrossValidated(torch.Tensor, torch.Tensor, int, int)"/>
    internal static double CrossValidated(Matrix data, ReadOnlySpan<byte> labels, int k = 10, int folds = 5) =>
        CrossValidated(data, ToInt(labels), k, folds);

    /// <summary>
    /// scikit-learn's StratifiedKFold(shuffle=False) assignment: the sorted labels are dealt round-robin to the folds to
    /// fix how many of each class each fold gets; then each class's rows, in order, fill fold 0, then fold 1, ...
    /// </summary>
    internal static int[] StratifiedFolds(ReadOnlySpan<int> labels, int folds)
    {
        int classes = labels.ToArray().Max() + 1;
        var sorted = labels.ToArray();
        Array.Sort(sorted);
        var allocation = new int[folds, classes];
        for (int i = 0; i < sorted.Length; i++)
        {
            allocation[i % folds, sorted[i]]++;
        }

        var assignment = new int[labels.Length];
        var nextFold = new int[classes];
        var usedInFold = new int[classes];
        for (int i = 0; i < labels.Length; i++)
        {
            int c = labels[i];
            while (usedInFold[c] >= allocation[nextFold[c], c])
            {
                nextFold[c]++;
                usedInFold[c] = 0;
            }

            assignment[i] = nextFold[c];
            usedInFold[c]++;
        }

        return assignment;
    }

    private static int[] ToInt(ReadOnlySpan<byte> labels)
    {
        var result = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            result[i] = labels[i];
        }

        return result;
    }
}
