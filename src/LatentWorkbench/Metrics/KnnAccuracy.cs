using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Neighbors;

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
    public static double Split(Matrix trainData, ReadOnlySpan<int> trainLabels, Matrix testData, ReadOnlySpan<int> testLabels, int k = 10)
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

    /// <inheritdoc cref="Split(Matrix, ReadOnlySpan{int}, Matrix, ReadOnlySpan{int}, int)"/>
    public static double Split(Matrix trainData, ReadOnlySpan<byte> trainLabels, Matrix testData, ReadOnlySpan<byte> testLabels, int k = 10) =>
        Split(trainData, ToInt(trainLabels), testData, ToInt(testLabels), k);

    /// <summary>Mean accuracy over <paramref name="folds"/> stratified folds (no shuffling), each fold tested against the others.</summary>
    public static double CrossValidated(Matrix data, ReadOnlySpan<int> labels, int k = 10, int folds = 5)
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

    /// <inheritdoc cref="CrossValidated(Matrix, ReadOnlySpan{int}, int, int)"/>
    public static double CrossValidated(Matrix data, ReadOnlySpan<byte> labels, int k = 10, int folds = 5) =>
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
