using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Experiments;

/// <summary>
/// What every study's recipe starts from, spelled once: its options validated, the first
/// <see cref="StudyOptions.TrainCount"/> training digits on the device the options choose (the data
/// <see cref="ModelTraining"/> trains on) and the first <see cref="StudyOptions.TestCount"/> test digits there.
/// </summary>
/// <remarks>
/// A count larger than its split means the whole split. The test digits are moved on first use, so a study that
/// measures none (the GAN) never copies them. Disposing frees what this moved; the loaded splits stay intact (on
/// the CPU the moved splits are new handles to the same tensors).
/// </remarks>
internal sealed class StudyData : IDisposable
{
    private readonly torch.Device _device;
    private readonly MnistSplit _train;
    private readonly MnistSplit _allTest;
    private readonly int? _testCount;
    private MnistSplit? _test;

    private StudyData(torch.Device device, MnistSplit train, MnistSplit allTest, StudyOptions options)
    {
        _device = device;
        _train = train;
        _allTest = allTest;
        _testCount = options.TestCount;
        Training = TrainingData.FromMnistAtMost(train, "train", options.TrainCount);
    }

    /// <summary>The first <see cref="StudyOptions.TrainCount"/> training digits and their labels, keyed for the run store (<c>mnist-train:first-2000</c>, <c>mnist-train:60000</c>).</summary>
    public TrainingData Training { get; }

    /// <summary>The first <see cref="StudyOptions.TestCount"/> test digits, on the training data's device.</summary>
    public MnistSplit Test => _test ??= TakeTest();

    /// <summary>Validates <paramref name="options"/> and moves the training split to the device they choose.</summary>
    public static StudyData Load(StudyOptions options, MnistData mnist)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mnist);
        options.Validate();
        var device = Devices.Resolve(options.Device);
        return new StudyData(device, mnist.Train.To(device), mnist.Test, options);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!ReferenceEquals(Training.Inputs, _train.Images))
        {
            Training.Inputs.Dispose();
            Training.Labels?.Dispose();
        }

        _train.Dispose();
        _test?.Dispose();
    }

    private MnistSplit TakeTest()
    {
        // Take returns views that keep the moved storage alive after the moved split's own handles are freed.
        using var moved = _allTest.To(_device);
        return moved.Take(_testCount ?? moved.Count);
    }
}
