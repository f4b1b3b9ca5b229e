using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Arithmetic;
using LatentWorkbench.Experiments.Autoencoders;
using LatentWorkbench.Experiments.Classifiers;
using LatentWorkbench.Experiments.Collapse;
using LatentWorkbench.Experiments.ConditionalVaes;
using LatentWorkbench.Experiments.Gans;
using LatentWorkbench.Experiments.Projections;
using LatentWorkbench.Experiments.Vaes;
using LatentWorkbench.Metrics.Likelihood;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;

namespace LatentWorkbench.Tests.Experiments;

public sealed class StudyOptionsTests
{
    // For every study: a change to a setting that no budget touches, as a caller would make it.
    private static readonly Dictionary<Type, Func<StudyOptions, StudyOptions>> NonBudgetChange = new()
    {
        [typeof(VaeExperimentOptions)] = o => (VaeExperimentOptions)o with { TestNoiseSeed = 99 },
        [typeof(AutoencoderExperimentOptions)] = o => (AutoencoderExperimentOptions)o with { CodeSize = 7 },
        [typeof(ConditionalVaeExperimentOptions)] = o => (ConditionalVaeExperimentOptions)o with { Optimizer = new OptimizerOptions { LearningRate = 1e-2 } },
        [typeof(ClassifierExperimentOptions)] = o => (ClassifierExperimentOptions)o with { Optimizer = new OptimizerOptions { LearningRate = 1e-2 } },
        [typeof(CollapseExperimentOptions)] = o => (CollapseExperimentOptions)o with { FreeBits = 0.5 },
        [typeof(GanExperimentOptions)] = o => (GanExperimentOptions)o with { FewDigitDropout = 0.5 },
        [typeof(LatentArithmeticOptions)] = o => (LatentArithmeticOptions)o with { Training = ((LatentArithmeticOptions)o).Training with { BatchSize = 32 } },
        [typeof(ProjectionStudyOptions)] = o => (ProjectionStudyOptions)o with { PcaComponents = 20 },
    };

    [Fact]
    public void Every_Studys_Options_Record_Spells_Seed_Device_And_Counts_Once()
    {
        var options = typeof(StudyOptions).Assembly.GetExportedTypes()
            .Where(t => t.Namespace?.StartsWith("LatentWorkbench.Experiments.", StringComparison.Ordinal) == true && t.Name.EndsWith("ExperimentOptions", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(typeof(VaeExperimentOptions), options);
        var studies = options.Where(t => t.GetProperty(nameof(StudyOptions.Seed)) is not null).ToList();
        Assert.NotEmpty(studies);
        Assert.All(studies, t => Assert.True(t.IsSubclassOf(typeof(StudyOptions)), $"{t.Name} declares its own seed instead of deriving from StudyOptions"));
        Assert.All(studies, t => Assert.Equal(typeof(StudyOptions), t.GetProperty(nameof(StudyOptions.TrainCount))!.DeclaringType));
    }

    [Fact]
    public void A_Count_Of_Zero_Is_Refused_Naming_The_Field_In_Every_Study()
    {
        Assert.Equal("TrainCount", Assert.Throws<ArgumentOutOfRangeException>(() => (VaeExperimentOptions.Default with { TrainCount = 0 }).Validate()).ParamName);
        Assert.Equal("TestCount", Assert.Throws<ArgumentOutOfRangeException>(() => (AutoencoderExperimentOptions.Default with { TestCount = -1 }).Validate()).ParamName);
        Assert.Equal("TrainCount", Assert.Throws<ArgumentOutOfRangeException>(() => (CollapseExperimentOptions.Default with { TrainCount = 0 }).Validate()).ParamName);
    }

    [Fact]
    public void Studies_Keep_Their_Own_Default_Data_Size()
    {
        Assert.Null(VaeExperimentOptions.Default.TrainCount);
        Assert.Equal(6_000, CollapseExperimentOptions.Default.TrainCount);
        Assert.Equal(10_000, GanExperimentOptions.Default.TrainCount);
        Assert.Equal(MnistSplit.PublishedTrainCount / 100, (CollapseExperimentOptions.Default with { TrainCount = null }).StepsPerEpoch);
    }

    [Fact]
    public void Every_Study_Keeps_Its_Options_At_The_Default_Budget_And_Keeps_The_Callers_Choices_At_Every_Other()
    {
        var studies = typeof(StudyOptions).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(StudyOptions)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(studies, NonBudgetChange.Keys.ToHashSet());
        foreach (var type in studies)
        {
            var defaults = (StudyOptions)Activator.CreateInstance(type)!;
            Assert.Same(defaults, defaults.WithBudget(StudyBudget.Default));

            var custom = NonBudgetChange[type](defaults) with { Seed = 7, Device = DeviceChoice.Cpu };
            foreach (var budget in Enum.GetValues<StudyBudget>().Where(b => b != StudyBudget.Default))
            {
                var budgeted = custom.WithBudget(budget);
                Assert.IsType(type, budgeted);
                Assert.NotEqual(custom, budgeted);
                Assert.Equal(7, budgeted.Seed);
                Assert.Equal(DeviceChoice.Cpu, budgeted.Device);
                Assert.Equal(budgeted, NonBudgetChange[type](budgeted));   // the caller's change is still there
                budgeted.Validate();
            }
        }
    }

    [Fact]
    public void The_Long_Budget_Trains_On_Every_Digit_For_Ten_Times_The_Epochs()
    {
        var vae = VaeExperimentOptions.Default.WithBudget(StudyBudget.Long);
        Assert.Null(vae.TrainCount);
        Assert.Null(vae.TestCount);
        Assert.Equal(VaeExperimentOptions.Default.Training.Epochs * StudyOptions.LongEpochFactor, vae.Training.Epochs);
        var collapse = CollapseExperimentOptions.Default.WithBudget(StudyBudget.Long);
        Assert.Null(collapse.TrainCount);
        Assert.Equal(CollapseExperimentOptions.Default.Training.Epochs * StudyOptions.LongEpochFactor, collapse.Training.Epochs);
    }

    [Fact]
    public void The_Quick_Budgets_Are_The_Presets_They_Replaced()
    {
        // The static Quick presets of each study as they were, so quick runs record the same numbers under the same keys.
        var collapse = CollapseExperimentOptions.Default.WithBudget(StudyBudget.Quick);
        Assert.Equal(
            new CollapseExperimentOptions
            {
                AutoregressiveModel = new AutoregressiveVaeConfig(DecoderHiddenSize: 64),
                TrainCount = 300,
                Training = new TrainerOptions { Epochs = 2, BatchSize = 100 },
                ProbeCount = 100,
                NllCount = 50,
                Nll = new ImportanceSamplingOptions { Samples = 10, SampleBatch = 10 },
                Betas = collapse.Betas,
            },
            collapse);
        Assert.Equal(
            new GanExperimentOptions { TrainCount = 500, Training = new TrainerOptions { Epochs = 2, BatchSize = 64 }, SampleCount = 500 },
            GanExperimentOptions.Default.WithBudget(StudyBudget.Quick));
        Assert.Equal(
            new ClassifierExperimentOptions { Training = new TrainerOptions { Epochs = 1, BatchSize = 64 }, TrainCount = 5_000, TestCount = 1_000 },
            ClassifierExperimentOptions.Default.WithBudget(StudyBudget.Quick));
        Assert.Equal(
            new ConditionalVaeExperimentOptions { Training = new TrainerOptions { Epochs = 2 }, TrainCount = 5_000, TestCount = 1_000 },
            ConditionalVaeExperimentOptions.Default.WithBudget(StudyBudget.Quick));
        // The arithmetic study's models train as its preset did (their run keys); its measurements are smaller too.
        var arithmetic = LatentArithmeticOptions.Default.WithBudget(StudyBudget.Quick);
        Assert.Equal((5_000, new TrainerOptions { Epochs = 2 }), (arithmetic.TrainCount, arithmetic.Training));

        // Notebook 03's quick seed VAE, which spelled it by hand.
        Assert.Equal(
            VaeExperimentOptions.Default with { TrainCount = 2_000, TestCount = 1_000, Training = VaeExperimentOptions.Default.Training with { Epochs = 2 } },
            VaeExperimentOptions.Default.WithBudget(StudyBudget.Quick));
    }

    [Fact]
    public void A_Budget_A_Study_Does_Not_Define_Is_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VaeExperimentOptions.Default.WithBudget((StudyBudget)99));
    }

    [Fact]
    public void A_Study_Declared_Outside_The_Library_Defines_Its_Own_Budget_And_Must_Answer_With_Its_Own_Type()
    {
        var quick = new CellStudyOptions().WithBudget(StudyBudget.Quick);
        Assert.Equal(100, quick.TrainCount);
        var error = Assert.Throws<InvalidOperationException>(() => new MismatchedStudyOptions().WithBudget(StudyBudget.Quick));
        Assert.Contains(nameof(MismatchedStudyOptions), error.Message);
    }

    private sealed record CellStudyOptions : StudyOptions
    {
        public override void Validate() => ValidateCounts();

        protected override CellStudyOptions ForBudget(StudyBudget budget) => budget switch
        {
            StudyBudget.Quick => this with { TrainCount = 100 },
            _ => throw UnknownBudget(budget),
        };
    }

    private sealed record MismatchedStudyOptions : StudyOptions
    {
        public override void Validate() => ValidateCounts();

        protected override StudyOptions ForBudget(StudyBudget budget) => new CellStudyOptions();
    }
}
