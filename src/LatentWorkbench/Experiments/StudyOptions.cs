using LatentWorkbench.Compute;

namespace LatentWorkbench.Experiments;

/// <summary>
/// What the options of every study share, spelled once: the seed, the device, how many training and test digits it
/// uses, validation, and what each <see cref="StudyBudget"/> other than the default changes. Each study's options record
/// (<c>VaeExperimentOptions</c>, <c>CollapseExperimentOptions</c>, …) derives from it and adds its own model, training
/// and measurement settings.
/// </summary>
public abstract record StudyOptions
{
    /// <summary><c>torch.manual_seed</c> before a model is built: initialisation, shuffling and sampling follow from it.</summary>
    public long Seed { get; init; }

    /// <summary>Where to train and evaluate (<c>auto</c> picks CUDA when libtorch sees a GPU).</summary>
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>Train on the first this many training digits (a fixed prefix, so quick runs are reproducible); null, or more than the split holds: all of them.</summary>
    public int? TrainCount { get; init; }

    /// <summary>Evaluate on the first this many test digits; null, or more than the split holds: all of them.</summary>
    public int? TestCount { get; init; }

    /// <summary>How many times its default epochs a study trains at <see cref="StudyBudget.Long"/>.</summary>
    public const int LongEpochFactor = 10;

    /// <summary>Throws naming the first invalid option.</summary>
    public abstract void Validate();

    /// <summary>These options at <paramref name="budget"/>; the public, typed spelling is <see cref="StudyOptionsExtensions.WithBudget{TOptions}"/>.</summary>
    internal StudyOptions AtBudget(StudyBudget budget)
    {
        if (budget == StudyBudget.Default)
        {
            return this;
        }

        var budgeted = ForBudget(budget);
        return budgeted.GetType() == GetType()
            ? budgeted
            : throw new InvalidOperationException($"{GetType().Name} answered the {budget} budget with a {budgeted.GetType().Name}; a study's budget is its own options record (this with {{ … }}).");
    }

    /// <summary>
    /// These options at <paramref name="budget"/>, which is never <see cref="StudyBudget.Default"/> (that one leaves
    /// the options unchanged): <c>this with { … }</c> setting only what the budget changes, so that every other choice
    /// of the caller is kept. One switch arm per budget; any other throws <see cref="UnknownBudget"/>.
    /// </summary>
    protected abstract StudyOptions ForBudget(StudyBudget budget);

    /// <summary>The error for a budget a study does not define.</summary>
    protected static ArgumentOutOfRangeException UnknownBudget(StudyBudget budget) =>
        new(nameof(budget), budget, $"No {budget} budget is defined for this study.");

    /// <summary>Throws naming <see cref="TrainCount"/> or <see cref="TestCount"/> when it is zero or negative.</summary>
    protected void ValidateCounts()
    {
        if (TrainCount is { } train)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(train, nameof(TrainCount));
        }

        if (TestCount is { } test)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(test, nameof(TestCount));
        }
    }
}
