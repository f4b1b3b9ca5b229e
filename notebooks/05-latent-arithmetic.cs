// 05-latent-arithmetic.cs: the twin of 05-latent-arithmetic.ipynb, a .NET 10 file-based program that runs it without a notebook kernel.
// Written by `workbench notebooks pair`; after editing either file, pair again (`notebooks pair --to ipynb` takes this file's edits back).
// Run: dotnet run notebooks/05-latent-arithmetic.cs -- [--quick] [--set name=value]... [--out DIR]
// Lines ending in "// twin", and display(/*twin*/ … /*twin*/); around a cell's last value, are the twin's own.
#:property PublishAot=false
#:property TreatWarningsAsErrors=false

// %% [markdown] id="22179cfe"
// # 05 · Latent arithmetic
//
// A latent space is useful when moving around in it means something: walking from one code to another should morph
// one digit into another, stepping along a direction should change one property of the digit and nothing else, and
// adding and subtracting codes should add and subtract what they stand for. This notebook tests those claims on the
// autoencoder and the VAE of the earlier notebooks, and on a **conditional VAE** that is given the digit's label, so
// that its latent code only has to hold the *style* of the handwriting.
//
// What decoded images *are* is judged by a separate, small convolutional **digit classifier** (≥ 99 % on the test
// set): a path that leaves the region of real digits shows up as the classifier's confidence dropping, and a class
// change shows up as its vote flipping. Two properties MNIST does not label — stroke **thickness** (ink mass) and
// **slant** (the shear of the ink's second moments) — are measured from the pixels, so that latent directions can be
// fitted to them and checked on decoded images.

// %% id="1404b240"
#:project ../src/LatentWorkbench.Twins/LatentWorkbench.Twins.csproj
using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Arithmetic;
using LatentWorkbench.Experiments.Classifiers;
using LatentWorkbench.Experiments.ConditionalVaes;
using LatentWorkbench.Figures;
using LatentWorkbench.Images;
using LatentWorkbench.Latent;
using LatentWorkbench.Metrics;
using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Reporting;
using LatentWorkbench.Runs;
using LatentWorkbench.Tables;
using LatentWorkbench.Training;
using TorchSharp;
using static LatentWorkbench.Twins.TwinDisplay; // twin
global::LatentWorkbench.Twins.Twin.Start(args); // twin

// %% [markdown] id="67dc44ca"
// ## Parameters
//
// `budget` is `default` (the full run of the main job), `quick` (every model briefly on the first 5,000 training digits; what the tests and `workbench run --quick` use) or `long` (every digit and ten times the default epochs, to approach the literature's numbers: for a GPU or an overnight run); `seed` seeds the models and picks the digits shown; `device` is `Auto`, `Cpu` or `Cuda` (given by name: `--set device=cpu`). Every model is
// trained once and then reused from the run store (`artifacts/runs.db`), so a rerun only repeats the measurements.

// %% id="8d5584ad" tags=["parameters"]
global::LatentWorkbench.Twins.Twin.Cell(2, 23, "8d5584ad"); // twin
StudyBudget budget = StudyBudget.Default;
var seed = 0;
DeviceChoice device = DeviceChoice.Auto;
budget = global::LatentWorkbench.Twins.Twin.Parameter(nameof(budget), budget); // twin
seed = global::LatentWorkbench.Twins.Twin.Parameter(nameof(seed), seed); // twin
device = global::LatentWorkbench.Twins.Twin.Parameter(nameof(device), device); // twin

// %% id="f47b1ff3"
global::LatentWorkbench.Twins.Twin.Cell(3, 23, "f47b1ff3"); // twin
var mnist = Mnist.Load();
var choice = device;
var arithmetic = LatentArithmeticOptions.Default.WithBudget(budget) with { Seed = seed, Device = choice };
var train = mnist.Train.To(Devices.Resolve(choice));
var test = mnist.Test.To(Devices.Resolve(choice));
var trainData = TrainingData.FromMnist(train, "train", arithmetic.TrainCount);
var trainImages = trainData.Inputs;   // nearest training neighbours are searched among these
var store = RunStore.Open();
display(/*twin*/$"{trainImages.shape[0]:N0} training digits, run store {store.Path}"/*twin*/);

// %% [markdown] id="604a77b9"
// ## The judge: a digit classifier
//
// Two 5 × 5 convolutions with max-pooling, two fully connected layers, dropout; trained on the training digits, scored
// on the test digits. It never sees a decoded image during training, so its verdict on them is an outside opinion.

// %% id="93f59341"
global::LatentWorkbench.Twins.Twin.Cell(4, 23, "93f59341"); // twin
var classifierOptions = ClassifierExperimentOptions.Default.WithBudget(budget) with { Seed = seed, Device = choice };
var classifierRun = ClassifierExperiment.Run(classifierOptions, mnist, [new TrainingProgress("digit classifier", classifierOptions.Training.Epochs)], store);
var classifier = classifierRun.Model;
Recorded.Value("classifier_test_accuracy", classifierRun.TestAccuracy);

// %% [markdown] id="822ad240"
// ## The models
//
// An autoencoder and a VAE of the same shape (784-400-20), so their latent spaces differ only in the objective: the
// AE just has to reconstruct, the VAE also pulls every code towards a standard normal prior. The conditional VAE has
// the same layers with the label's one-hot code added to the encoder's and the decoder's input.

// %% id="5ddd5f13"
global::LatentWorkbench.Twins.Twin.Cell(5, 23, "5ddd5f13"); // twin
var aeRecipe = LatentArithmeticRecipes.Autoencoder(arithmetic);
var vaeRecipe = LatentArithmeticRecipes.Vae(arithmetic);
var aeRun = ModelTraining.Train(aeRecipe, trainData.WithoutLabels(), store, [new TrainingProgress("autoencoder 784-400-20", aeRecipe.Training.Epochs)]);
var vaeRun = ModelTraining.Train(vaeRecipe, trainData.WithoutLabels(), store, [new TrainingProgress("VAE 784-400-20", vaeRecipe.Training.Epochs)]);
var cvaeOptions = ConditionalVaeExperimentOptions.Default.WithBudget(budget) with { Seed = seed, Device = choice };
var cvaeRun = ConditionalVaeExperiment.Run(cvaeOptions, mnist, [new TrainingProgress("conditional VAE", cvaeOptions.Training.Epochs)], store);
LatentCodec[] codecs = [LatentCodec.Of(aeRun.Model), LatentCodec.Of(vaeRun.Model)];
var (ae, vae) = (codecs[0], codecs[1]);
display(/*twin*/DataFrames.FromRows(["model", "epochs", "training seconds", "from the run store"],
    new[] { ("AE", aeRun.Epochs.Count, aeRun.TrainingSeconds, aeRun.FromCache), ("VAE", vaeRun.Epochs.Count, vaeRun.TrainingSeconds, vaeRun.FromCache),
            ("CVAE", cvaeRun.Epochs.Count, cvaeRun.TrainingSeconds, cvaeRun.FromCache), ("classifier", classifierRun.Epochs.Count, classifierRun.TrainingSeconds, classifierRun.FromCache) }
        .Select(r => new object[] { r.Item1, r.Item2, r.Item3, r.Item4 }),
    title: "Training (seconds of the run that trained it)")/*twin*/);

// %% [markdown] id="3da99588"
// ## Interpolation: lerp against slerp
//
// Between the codes of two test digits, **lerp** walks the straight line and **slerp** the great circle. Under a
// Gaussian prior almost all the mass lies near a sphere of radius √20, and the straight line between two points on it
// cuts through the low-norm interior, where the VAE has seen few codes; slerp stays on the sphere. The AE's codes are
// not Gaussian at all, so the comparison there is about the shape of its code cloud.
//
// Look at the strips for images that are neither digit (a blur, a ghost of both), and at the classifier's
// probabilities: a good path hands the vote from the first digit to the second in one clean crossing.

// %% id="10031311"
global::LatentWorkbench.Twins.Twin.Cell(6, 23, "10031311"); // twin
var steps = 11;
var pairs = LatentArithmeticExperiment.PairsOfDifferentDigits(test.Labels, budget == StudyBudget.Quick ? 5 : 50, seed);
var (first, second) = pairs[0];
var (labelA, labelB) = ((int)test.Labels[first].item<long>(), (int)test.Labels[second].item<long>());
var shownPaths = codecs.SelectMany(c => new[] { InterpolationMethod.Lerp, InterpolationMethod.Slerp }
    .Select(m => LatentArithmeticExperiment.Interpolate(c, test.Images[first], test.Images[second], m, steps, classifier, trainImages))).ToList();
display(/*twin*/GridImage.FromImages(torch.cat(shownPaths.Select(p => p.Images).ToList(), 0), steps,
    rowLabels: shownPaths.Select(p => p.Label).ToList(), title: $"From a test {labelA} to a test {labelB}")/*twin*/);

// %% id="d1a13882"
global::LatentWorkbench.Twins.Twin.Cell(7, 23, "d1a13882"); // twin
var t = Interpolation.Fractions(steps);
display(/*twin*/Charts.Subplots(shownPaths.Select(p => Charts.Line(p.ProbabilityOf(labelA), $"P({labelA})", t, title: p.Label, xTitle: "t", yTitle: "probability")
    .AddLine(p.ProbabilityOf(labelB), $"P({labelB})", t)
    .AddLine(p.ProbabilityOfBestOther(labelA, labelB), "best other", t)).ToList(),
    columns: 2, title: "The classifier's vote along each path")/*twin*/);

// %% [markdown] id="671018fb"
// ### Where do paths leave the data?
//
// The same comparison over many pairs of test digits. **Mean step** is the smoothness number: the mean pixel distance
// between consecutive decoded images (the endpoints are the same for both methods, so a smaller number means fewer
// jumps). **Lowest confidence** is the classifier's top probability at the least digit-like point of the path, and
// **farthest from training** the largest distance from a decoded image to its nearest training digit: both say how far
// the path strays from the data manifold.

// %% id="aa98fdf3"
global::LatentWorkbench.Twins.Twin.Cell(8, 23, "aa98fdf3"); // twin
var allPaths = codecs.SelectMany(c => new[] { InterpolationMethod.Lerp, InterpolationMethod.Slerp }
    .Select(m => (Label: $"{c.Name} {m.ToString().ToLowerInvariant()}",
                  Paths: pairs.Select(p => LatentArithmeticExperiment.Interpolate(c, test.Images[p.A], test.Images[p.B], m, steps, classifier, trainImages)).ToList()))).ToList();
display(/*twin*/DataFrames.FromRows(["path", "mean step", "lowest confidence", "farthest from training"],
    allPaths.Select(g => new object[] { g.Label, g.Paths.Average(p => p.MeanStep), g.Paths.Average(p => p.MinConfidence), g.Paths.Average(p => p.MaxNearestTrainingDistance) }),
    title: $"Interpolation over {pairs.Count} pairs of test digits (means)")/*twin*/);

// %% id="21b78a40"
global::LatentWorkbench.Twins.Twin.Cell(9, 23, "21b78a40"); // twin
foreach (var g in allPaths)
{
    string key = g.Label.Replace(' ', '_').ToLowerInvariant();
    Recorded.Value($"interp_{key}_mean_step", g.Paths.Average(p => p.MeanStep));
    Recorded.Value($"interp_{key}_min_confidence", g.Paths.Average(p => p.MinConfidence));
}

// %% [markdown] id="607da725"
// ### Is a decoded point new, or a copy?
//
// The midpoint of each path above, beside the training digit nearest to it in pixel space (and the distance). A
// midpoint that is a near-copy of one training digit would mean the decoder memorises; a blend that resembles no
// training digit closely is a new image.

// %% id="3415c28d"
global::LatentWorkbench.Twins.Twin.Cell(10, 23, "3415c28d"); // twin
var middle = steps / 2;
var midpoints = torch.stack(shownPaths.Select(p => p.Images[middle]).ToList());
var neighbours = torch.stack(shownPaths.Select(p => trainImages[p.NearestTrainingIndices[middle].item<long>()]).ToList());
display(/*twin*/GridImage.FromImages(torch.cat([midpoints, neighbours], 0), shownPaths.Count,
    rowLabels: ["midpoint", "nearest training digit"], columnLabels: shownPaths.Select(p => p.Label).ToList(),
    captions: [.. shownPaths.Select(_ => ""), .. shownPaths.Select(p => $"d = {p.NearestTrainingDistances[middle].item<double>():F2}")],
    title: "Path midpoints and their nearest training digits")/*twin*/);

// %% [markdown] id="434c0199"
// ## Traversals
//
// From one test digit, one latent dimension at a time is moved from −3 to +3 in units of that dimension's spread
// over the training codes (its aggregate standard deviation), the other nineteen held fixed. The VAE's dimensions are
// shown in order of spread: the first few change the digit's shape, and a VAE typically leaves some dimensions
// unused (spread ≈ 0 in μ, posterior σ ≈ 1), which change nothing.

// %% id="13c42e03"
global::LatentWorkbench.Twins.Twin.Cell(11, 23, "13c42e03"); // twin
var encodeCount = budget == StudyBudget.Quick ? 1_000 : 10_000;
var sample = trainImages.narrow(0, 0, Math.Min(encodeCount, trainImages.shape[0]));
var vaeCodes = vae.Encode(sample);
var vaeStats = LatentStatistics.Of(vaeCodes, vae.PosteriorStd(sample));
var origin = vae.Encode(test.Images.narrow(0, seed % 100, 1))[0];
var travelSteps = Interpolation.Fractions(7, -3, 3);
var shownDims = vaeStats.DimensionsBySpread().Take(6).ToList();
var dimTraversals = torch.cat(shownDims.Select(d => Traversal.OfDimension(origin, d, travelSteps, vaeStats.AggregateStd[d].item<double>())).ToList(), 0);
display(/*twin*/GridImage.FromImages(vae.Decode(dimTraversals), travelSteps.Count,
    rowLabels: shownDims.Select(d => $"z{d}: spread {vaeStats.AggregateStd[d].item<double>():F2}, σ {vaeStats.MeanPosteriorStd![d].item<double>():F2}").ToList(),
    columnLabels: travelSteps.Select(s => $"{s:+0;-0;0}").ToList(), title: "VAE: one dimension at a time (steps of its spread)")/*twin*/);

// %% [markdown] id="46eb57bf"
// ### Thickness and slant directions
//
// A latent dimension rarely means one thing. Instead, the attribute is measured on the training digits themselves
// (ink mass for thickness, the shear μ₁₁/μ₀₂ of the ink for slant) and regressed on their codes by least squares: the
// fitted weight vector is the direction along which the attribute grows. R² says how much of the attribute the codes
// explain linearly.
//
// Then test digits are walked along each direction (−2 … +2 spreads along it), decoded, and the attribute is measured
// again **on the decoded images**. If the direction is real, the measured attribute rises at every step:
// Spearman's ρ near 1 and nearly every step rising.

// %% id="2c04f21c"
global::LatentWorkbench.Twins.Twin.Cell(12, 23, "2c04f21c"); // twin
var thickness = AttributeVector.Fit("thickness", vaeCodes, ImageAttributes.InkMass(sample));
var slant = AttributeVector.Fit("slant", vaeCodes, ImageAttributes.Slant(sample));
var attributeSteps = Interpolation.Fractions(9, -2, 2);
var origins = vae.Encode(test.Images.narrow(0, 0, budget == StudyBudget.Quick ? 8 : 32));
var walks = new[] { (thickness, (Func<torch.Tensor, torch.Tensor>)(x => ImageAttributes.InkMass(x))), (slant, x => ImageAttributes.Slant(x)) }
    .Select(a => LatentArithmeticExperiment.TraverseAttribute(vae, a.Item1, origins, attributeSteps, a.Item2)).ToList();
display(/*twin*/DataFrames.FromRows(["attribute", "R² on codes", "Spearman ρ (mean)", "rising steps (mean)"],
    walks.Select((w, i) => new object[] { w.Attribute, (i == 0 ? thickness : slant).RSquared, w.MeanSpearman, w.MeanFractionRising }),
    title: $"Attribute vectors of the VAE, walked from {origins.shape[0]} test digits")/*twin*/);

// %% id="1a47e66b"
global::LatentWorkbench.Twins.Twin.Cell(13, 23, "1a47e66b"); // twin
var shownOrigins = 4;
display(/*twin*/GridImage.FromImages(torch.cat(walks.Select(w => w.Images.narrow(0, 0, shownOrigins * attributeSteps.Count)).ToList(), 0), attributeSteps.Count,
    rowLabels: walks.SelectMany(w => Enumerable.Repeat(w.Attribute, shownOrigins)).ToList(),
    columnLabels: attributeSteps.Select(s => $"{s:+0.0;-0.0;0}").ToList(), title: "VAE: walking the thickness and slant directions")/*twin*/);

// %% id="aadc3206"
global::LatentWorkbench.Twins.Twin.Cell(14, 23, "aadc3206"); // twin
display(/*twin*/Charts.Subplots(walks.Select(w => Charts.Line(w.MeanMeasured, $"measured {w.Attribute}", attributeSteps, title: w.Attribute,
    xTitle: "step along the vector (spreads)", yTitle: w.Attribute == "slant" ? "shear μ11/μ02" : "ink mass")).ToList(),
    columns: 2, title: "The attribute measured on decoded images, mean over the walked digits")/*twin*/);

// %% id="37c30f30"
global::LatentWorkbench.Twins.Twin.Cell(15, 23, "37c30f30"); // twin
Recorded.Value("vae_thickness_r2", thickness.RSquared);
Recorded.Value("vae_slant_r2", slant.RSquared);
Recorded.Value("vae_thickness_spearman", walks[0].MeanSpearman);
Recorded.Value("vae_slant_spearman", walks[1].MeanSpearman);
Recorded.Value("vae_thickness_rising_steps", walks[0].MeanFractionRising);
Recorded.Value("vae_slant_rising_steps", walks[1].MeanFractionRising);

// %% [markdown] id="aacfe257"
// ## Class arithmetic and analogies
//
// **Class change.** The mean code of each class is a point that decodes to a "typical" digit. Moving a test digit's
// code by mean[to] − mean[from] should turn it into the other digit while keeping its style; the classifier says
// whether it did. The table gives the share of moved digits read as their target, over every (from, to) pair.

// %% id="52c16de2"
global::LatentWorkbench.Twins.Twin.Cell(16, 23, "52c16de2"); // twin
var sampleLabels = trainData.Labels!.narrow(0, 0, sample.shape[0]);
var classChange = codecs.Select(c =>
{
    var means = LatentArithmetic.ClassMeans(c.Encode(sample), sampleLabels, 10);
    var meanAccuracy = ClassifierPredictions.Accuracy(classifier, c.Decode(means), torch.arange(10, dtype: torch.int64));
    var sources = test.Images.narrow(0, 0, budget == StudyBudget.Quick ? 50 : 500);
    var sourceLabels = test.Labels.narrow(0, 0, sources.shape[0]);
    var codes = c.Encode(sources);
    var moved = new List<double>();
    for (int to = 0; to < 10; to++)
    {
        var shifted = codes - means.index_select(0, sourceLabels) + means[to];
        var keep = sourceLabels.ne(to);
        moved.Add(ClassifierPredictions.Accuracy(classifier, c.Decode(shifted.index_select(0, keep.nonzero().squeeze(1))), torch.full([keep.sum().item<long>()], (long)to)));
    }
    return (c.Name, Means: means, MeanAccuracy: meanAccuracy, MovedAccuracy: moved.Average());
}).ToList();
display(/*twin*/DataFrames.FromRows(["model", "class means read as their class", "moved digits read as the target"],
    classChange.Select(r => new object[] { r.Name, r.MeanAccuracy, r.MovedAccuracy }), title: "Class arithmetic, judged by the classifier")/*twin*/);

// %% id="bd17721b"
global::LatentWorkbench.Twins.Twin.Cell(17, 23, "bd17721b"); // twin
var demo = test.Images.narrow(0, 0, 6);
var demoLabels = test.Labels.narrow(0, 0, 6).cpu().data<long>().ToArray();
var vaeMeans = classChange[1].Means;
var demoCodes = vae.Encode(demo);
var movedGrid = torch.cat(Enumerable.Range(0, 10).Select(to => vae.Decode(demoCodes - vaeMeans.index_select(0, test.Labels.narrow(0, 0, 6)) + vaeMeans[to])).Prepend(demo).ToList(), 0);
display(/*twin*/GridImage.FromImages(movedGrid, 6, rowLabels: ["original", .. Enumerable.Range(0, 10).Select(d => $"→ {d}")],
    columnLabels: demoLabels.Select(l => l.ToString()).ToList(), title: "VAE: z − mean[own class] + mean[target]")/*twin*/);

// %% [markdown] id="b917c5b6"
// **Analogies.** "Thick 3 is to thin 3 as ? is to thin 5": a − b + c with a the test digit p with the most ink, b the
// one with the least, c the thinnest q. The answer should be a *q* (classifier) that is *thicker* than c (ink mass).
// Each row shows a, b, c and the result.

// %% id="a0f9fd44"
global::LatentWorkbench.Twins.Twin.Cell(18, 23, "a0f9fd44"); // twin
(int, int)[] analogyPairs = [(3, 5), (1, 7), (0, 6), (2, 8), (4, 9), (7, 1), (5, 3), (8, 2)];
var analogySource = test.Images.narrow(0, 0, budget == StudyBudget.Quick ? 1_000 : 10_000);
var analogyLabels = test.Labels.narrow(0, 0, analogySource.shape[0]);
var analogies = codecs.Select(c => LatentArithmeticExperiment.Analogies(c, classifier, analogySource, analogyLabels, analogyPairs)).ToList();
display(/*twin*/GridImage.FromImages(analogies[1].Images, 4,
    rowLabels: analogyPairs.Select((p, i) => $"thick {p.Item1} − thin {p.Item1} + thin {p.Item2} → read as {analogies[1].Predicted[i].item<long>()}").ToList(),
    columnLabels: ["a", "b", "c", "a − b + c"], title: "VAE analogies")/*twin*/);

// %% id="f5b5f155"
global::LatentWorkbench.Twins.Twin.Cell(19, 23, "f5b5f155"); // twin
display(/*twin*/DataFrames.FromRows(["model", "result read as q", "result thicker than c"],
    codecs.Select((c, i) => new object[] { c.Name, analogies[i].FractionReadAsTarget, analogies[i].FractionThicker }), title: $"Thickness analogies over {analogyPairs.Length} class pairs")/*twin*/);

// %% id="a388d41b"
global::LatentWorkbench.Twins.Twin.Cell(20, 23, "a388d41b"); // twin
Recorded.Value("ae_class_change_accuracy", classChange[0].MovedAccuracy);
Recorded.Value("vae_class_change_accuracy", classChange[1].MovedAccuracy);
Recorded.Value("ae_analogy_read_as_target", analogies[0].FractionReadAsTarget);
Recorded.Value("vae_analogy_read_as_target", analogies[1].FractionReadAsTarget);
Recorded.Value("vae_analogy_thicker", analogies[1].FractionThicker);

// %% [markdown] id="090032be"
// ## Style transfer with the conditional VAE
//
// The conditional VAE's decoder is told the digit, so its code only needs what the label does not say: slant, width,
// stroke weight, the shape of loops. Keeping a writer's code and changing the label renders that writer's hand as
// every digit. Each column below is one test digit (top row); each further row is the same code decoded as 0 … 9.

// %% id="db158bff"
global::LatentWorkbench.Twins.Twin.Cell(21, 23, "db158bff"); // twin
var writers = test.Images.narrow(0, seed % 100, 10);
var writerLabels = test.Labels.narrow(0, seed % 100, 10);
var transfer = StyleTransfer.Render(cvaeRun.Model, writers, writerLabels);
display(/*twin*/GridImage.FromImages(torch.cat([writers, transfer.Images], 0), transfer.Columns,
    rowLabels: ["original", .. Enumerable.Range(0, 10).Select(d => $"as {d}")],
    columnLabels: writerLabels.cpu().data<long>().ToArray().Select(l => l.ToString()).ToList(), title: "One style per column, rendered as every digit")/*twin*/);

// %% [markdown] id="33dc69fa"
// Is every rendered digit the digit it was asked to be? The classifier judges transferred digits of many writers
// against the label they were decoded with, and the same for codes drawn from the prior N(0, I) instead of a real
// writer's code: a baseline in which the label alone has to carry the digit. Transfer accuracy close to the baseline
// means the writer's code does not drag the digit towards its own class.

// %% id="a27fb637"
global::LatentWorkbench.Twins.Twin.Cell(22, 23, "a27fb637"); // twin
var writerCount = budget == StudyBudget.Quick ? 100 : 1_000;
var manyWriters = StyleTransfer.Render(cvaeRun.Model, test.Images.narrow(0, 0, writerCount), test.Labels.narrow(0, 0, writerCount));
var fromPrior = StyleTransfer.FromPrior(cvaeRun.Model, writerCount, seed, test.Images.device);
var transferAccuracy = ClassifierPredictions.Accuracy(classifier, manyWriters.Images, manyWriters.Targets);
var priorAccuracy = ClassifierPredictions.Accuracy(classifier, fromPrior.Images, fromPrior.Targets);
display(/*twin*/DataFrames.FromRows(["codes", "digits rendered", "read as the target label"],
    new[] { new object[] { "writers' codes (style transfer)", manyWriters.Targets.shape[0], transferAccuracy }, new object[] { "random z from the prior", fromPrior.Targets.shape[0], priorAccuracy } },
    title: "Conditional VAE: does the label make the digit?")/*twin*/);

// %% id="16ebfd12"
global::LatentWorkbench.Twins.Twin.Cell(23, 23, "16ebfd12"); // twin
Recorded.Value("cvae_test_loss", cvaeRun.TestLossMean);
Recorded.Value("cvae_transfer_accuracy", transferAccuracy);
Recorded.Value("cvae_prior_accuracy", priorAccuracy);

// %% [markdown] id="2ab10ea4"
// ## What to take away
//
// - The classifier is an outside judge of decoded images; its test accuracy is recorded as `classifier_test_accuracy`.
// - Interpolation: `interp_*_mean_step` (smoothness, lower is smoother) and `interp_*_min_confidence` (how digit-like the
//   least digit-like point of the path is) for the AE and the VAE, lerp and slerp; the table beside them adds how far
//   each path strays from the nearest training digit. Compare the two models at the same method, then the two methods.
// - Attribute vectors: `vae_thickness_r2`, `vae_slant_r2` (how linearly the codes hold them) and
//   `vae_thickness_spearman`, `vae_slant_spearman`, `vae_*_rising_steps` (whether decoded images change
//   monotonically along the vector).
// - Class arithmetic and analogies: `ae_class_change_accuracy`, `vae_class_change_accuracy`,
//   `*_analogy_read_as_target`, `vae_analogy_thicker`.
// - Style transfer: `cvae_transfer_accuracy` against the random-code baseline `cvae_prior_accuracy`, and the
//   conditional VAE's held-out loss `cvae_test_loss`.
//
// The next notebook pushes on the VAE's weak point seen here — latent dimensions it leaves unused — with posterior
// collapse, and compares with a GAN.
global::LatentWorkbench.Twins.Twin.End(); // twin

