namespace LatentWorkbench.Data;

/// <summary>Both MNIST splits as published: 60,000 training and 10,000 test images.</summary>
/// <param name="Train">The training split.</param>
/// <param name="Test">The test split.</param>
public sealed record MnistData(MnistSplit Train, MnistSplit Test);
