// 02-autoencoder-vs-pca.cs: the twin of 02-autoencoder-vs-pca.ipynb, a .NET 10 file-based program that runs it without a notebook kernel.
// Written by `workbench notebooks pair`; after editing either file, pair again (`notebooks pair --to ipynb` takes this file's edits back).
// Run: dotnet run notebooks/02-autoencoder-vs-pca.cs -- [--quick] [--set name=value]... [--out DIR]
// Lines ending in "// twin", and display(/*twin*/ … /*twin*/); around a cell's last value, are the twin's own.
#:property PublishAot=false
#:property TreatWarningsAsErrors=false

// %% [markdown] id="35d45944"
// # 02 · Autoencoders against PCA
//
// Notebook 01 found a linear latent space: PCA keeps the *k* directions of pixel space along which the digits vary
// most, and rebuilds each digit as the mean plus a weighted sum of *k* fixed images. An **autoencoder** learns the
// two maps instead: an *encoder* network squeezes the 784 pixels into a *k*-number code, a *decoder* network
// rebuilds the pixels from it, and both are trained together to make the rebuilt digit close to the original.
// With no hidden nonlinearity it can do no better than PCA; with nonlinear layers it can bend its code space
// around the curved set of digits.
//
// Hinton & Salakhutdinov (*Science* 313, 2006) made the case with one table: on the MNIST test digits, the squared
// error per image of a 784-1000-500-250-30 autoencoder was **3.00** against **13.87** for 30-component PCA.
// This notebook rebuilds that comparison at *k* = 2, 10 and 30, adds a linear and a convolutional autoencoder, checks
// that the linear one finds PCA's subspace, and then uses reconstruction error for two other jobs: removing noise, and
// flagging digits of a class the model never saw.

// %% id="1795c60a"
#:project ../src/LatentWorkbench.Twins/LatentWorkbench.Twins.csproj
using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Autoencoders;
using LatentWorkbench.Figures;
using LatentWorkbench.Images;
using LatentWorkbench.Metrics;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Reporting;
using LatentWorkbench.Runs;
using LatentWorkbench.Tables;
using TorchSharp;
using static LatentWorkbench.Twins.TwinDisplay; // twin
global::LatentWorkbench.Twins.Twin.Start(args); // twin

// %% [markdown] id="813850e6"
// ## Parameters
//
// `budget` is `default` (the full run of the main job), `quick` (every model for a few epochs on 2,000 training digits; what the tests and `workbench run --quick` use) or `long` (every digit and ten times the default epochs, to approach the literature's numbers: for a GPU or an overnight run); `seed` fixes initialisation, shuffling, the noise draws and the digits shown; `device` is `auto`, `cpu` or
// `cuda`; `heldOutDigit` is the class left out of the anomaly detector's training data. Every trained model is kept
// in the run store (`artifacts/runs.db`), so a rerun with the same parameters loads the weights instead of training.

// %% id="d9d04217" tags=["parameters"]
global::LatentWorkbench.Twins.Twin.Cell(2, 17, "d9d04217"); // twin
StudyBudget budget = StudyBudget.Default;
var seed = 0;
DeviceChoice device = DeviceChoice.Auto;
var heldOutDigit = 4;
budget = global::LatentWorkbench.Twins.Twin.Parameter(nameof(budget), budget); // twin
seed = global::LatentWorkbench.Twins.Twin.Parameter(nameof(seed), seed); // twin
device = global::LatentWorkbench.Twins.Twin.Parameter(nameof(device), device); // twin
heldOutDigit = global::LatentWorkbench.Twins.Twin.Parameter(nameof(heldOutDigit), heldOutDigit); // twin

// %% [markdown] id="7ebd5666"
// ## The data and the baseline
//
// Pixels are scaled to [0, 1]. PCA is fitted on the training digits; every error below is measured on the test
// digits, as **squared error per image**: the sum over the 784 pixels of (original − rebuilt)², averaged over the
// test images — the measure of Hinton & Salakhutdinov's table (notebook 01 shows the same error divided by 784).

// %% id="5c67b356"
global::LatentWorkbench.Twins.Twin.Cell(3, 17, "5c67b356"); // twin
var mnist = Mnist.Load();
var train = budget == StudyBudget.Quick ? mnist.Train.Take(2_000) : mnist.Train;
var test = budget == StudyBudget.Quick ? mnist.Test.Take(500) : mnist.Test;
int[] ks = [2, 10, 30];
var pca = new PcaReducer(new PcaOptions()).Fit(train.Images);
var pcaError = ks.Select(k => pca.Truncate(k).ReconstructionErrorPerImage(test.Images)).ToList();
display(/*twin*/$"PCA fitted on {train.Count:N0} training digits; test squared error per image at k = 30: {pcaError[2]:F4} (published: 13.87)"/*twin*/);

// %% [markdown] id="95e5e9e5"
// ## Training the autoencoders
//
// Three families, each at *k* = 2, 10 and 30 (the defaults of `AutoencoderExperimentOptions.Defaults(...)`):
//
// - **MLP**: Hinton & Salakhutdinov's 784-1000-500-250-*k* encoder and its mirror image as decoder, linear code units,
//   logistic output, trained on the cross-entropy of the pixels. The paper used logistic hidden units and needed a
//   layer-by-layer RBM pretraining to make such a deep net train at all; with rectified linear units and Adam, plain
//   backpropagation from a random start works, and is several times faster.
// - **linear**: one linear layer each way, squared error, on pixels centred on the training mean as PCA's are. Theory
//   (Baldi & Hornik 1989) says its best solution spans exactly PCA's subspace, so its error can only approach PCA's
//   from above.
// - **conv**: two stride-2 convolutions down to a 7×7 map, a linear code, and transposed convolutions back up.
//
// The progress display updates while a model trains; a model found in the run store loads in a moment.

// %% id="7eb296a6"
global::LatentWorkbench.Twins.Twin.Cell(4, 17, "7eb296a6"); // twin
var store = RunStore.Open();
var chosenDevice = device;
var mlp = ks.Select(k => AutoencoderExperiment.RunWithProgress(
    AutoencoderExperimentOptions.Defaults(AutoencoderArchitecture.Mlp).WithBudget(budget) with { CodeSize = k, Seed = seed, Device = chosenDevice }, mnist, store)).ToList();

// %% id="5b3ac833"
global::LatentWorkbench.Twins.Twin.Cell(5, 17, "5b3ac833"); // twin
var linear = ks.Select(k => AutoencoderExperiment.RunWithProgress(
    AutoencoderExperimentOptions.Defaults(AutoencoderArchitecture.Linear).WithBudget(budget) with { CodeSize = k, Seed = seed, Device = chosenDevice }, mnist, store)).ToList();
var conv = ks.Select(k => AutoencoderExperiment.RunWithProgress(
    AutoencoderExperimentOptions.Defaults(AutoencoderArchitecture.Conv).WithBudget(budget) with { CodeSize = k, Seed = seed, Device = chosenDevice }, mnist, store)).ToList();

// %% [markdown] id="9951ba28"
// ## The table
//
// Read each column down: at the same code size, how much of the digit does each model fail to rebuild? Look for
// the deep autoencoder below PCA at every *k* (the line under the table checks it), and for the size of the gap at
// small *k*, where a flat subspace has the fewest directions to spend. The linear autoencoder can at best find
// PCA's subspace, so its numbers should sit on or just above PCA's. Hinton & Salakhutdinov's 3.00 at *k* = 30 came
// from RBM pretraining plus long fine-tuning; the few epochs of backpropagation this notebook can afford on a laptop
// CPU get part of the way there (and in quick mode, a couple of epochs on 2,000 digits, nowhere near: quick mode
// only checks that everything runs).

// %% id="87968493"
global::LatentWorkbench.Twins.Twin.Cell(6, 17, "87968493"); // twin
var table = DataFrames.FromRows(["model", "k = 2", "k = 10", "k = 30"], [
    ["PCA", .. pcaError.Cast<object>()],
    ["MLP autoencoder (ReLU)", .. mlp.Select(r => (object)r.TestSquaredError)],
    ["linear autoencoder", .. linear.Select(r => (object)r.TestSquaredError)],
    ["conv autoencoder", .. conv.Select(r => (object)r.TestSquaredError)],
], title: "Test squared error per image (Hinton & Salakhutdinov 2006: PCA-30 13.87, AE-30 3.00)");
var deepBeatsPca = ks.Select((k, i) => mlp[i].TestSquaredError < pcaError[i]).All(b => b);
display($"deep autoencoder below PCA at every k: {deepBeatsPca}");
display(/*twin*/table/*twin*/);

// %% id="79717023"
global::LatentWorkbench.Twins.Twin.Cell(7, 17, "79717023"); // twin
// Key numbers, collected by the workbench into artifacts/metrics.json
for (int i = 0; i < ks.Length; i++)
{
    Recorded.Value($"pca{ks[i]}_test_se", pcaError[i]);
    Recorded.Value($"mlp_ae{ks[i]}_test_se", mlp[i].TestSquaredError);
    Recorded.Value($"linear_ae{ks[i]}_test_se", linear[i].TestSquaredError);
    Recorded.Value($"conv_ae{ks[i]}_test_se", conv[i].TestSquaredError);
}
Recorded.Value("mlp_beats_pca_at_every_k", deepBeatsPca);

// %% [markdown] id="baf4fe7a"
// ### Rebuilt digits, side by side
//
// The same ten test digits, rebuilt by PCA and by the MLP autoencoder from 2, 10 and 30 numbers. At *k* = 2 PCA can
// only blend a few average shapes; look at whether the autoencoder commits to one digit (right or wrong) instead. At
// *k* = 30 compare the sharpness of the strokes: PCA's grey halo is the variance its 30 flat directions cannot reach.

// %% id="a460d2f5"
global::LatentWorkbench.Twins.Twin.Cell(8, 17, "a460d2f5"); // twin
var sample = test.Sample(10, seed);
var rebuilt = torch.cat([sample.Images, .. ks.SelectMany((k, i) => new[] { pca.Truncate(k).Reconstruct(sample.Images), mlp[i].Reconstruct(sample.Images).cpu() })]);
string[] rebuiltLabels = ["original", .. ks.SelectMany(k => new[] { $"PCA-{k}", $"AE-{k}" })];
display(/*twin*/GridImage.FromImages(rebuilt, 10, rowLabels: rebuiltLabels, title: "Test digits rebuilt by PCA and by the MLP autoencoder")/*twin*/);

// %% [markdown] id="0c9b9008"
// ### Error against *k*
//
// The same numbers as curves. The gap between PCA and the MLP is what the nonlinearity buys; the linear autoencoder
// tracks PCA from above.

// %% id="a4de2c1a"
global::LatentWorkbench.Twins.Twin.Cell(9, 17, "a4de2c1a"); // twin
var kAxis = ks.Select(k => (double)k).ToList();
display(/*twin*/Charts.Line(pcaError, "PCA", kAxis, title: "Test squared error per image against k", xTitle: "code size k", yTitle: "squared error per image", logY: true)
    .AddLine(linear.Select(r => r.TestSquaredError).ToList(), "linear autoencoder", kAxis)
    .AddLine(conv.Select(r => r.TestSquaredError).ToList(), "conv autoencoder", kAxis)
    .AddLine(mlp.Select(r => r.TestSquaredError).ToList(), "MLP autoencoder", kAxis)/*twin*/);

// %% [markdown] id="e8f5f7ab"
// ## The linear autoencoder finds PCA's subspace
//
// A linear autoencoder's code is not PCA's: any invertible mix of the principal coordinates rebuilds the digits
// equally well, so its weights are an arbitrary, non-orthogonal basis. What should agree is the **subspace** the
// decoder's *k* columns span. The principal angles between two *k*-dimensional subspaces measure that: all zero when
// they coincide, 90° for a direction of one perpendicular to the other. Look for every angle within a degree or two
// of zero at each *k*.
//
// The hard part is the last directions at *k* = 30: the variances of PCA's 30th and 31st components differ by only
// 5 %, so the loss barely cares which of the two the model keeps, and gradient descent turns between them slowly.
// What gets there in ten epochs (small batches and a decaying learning rate aside) is that the model subtracts the
// training mean before encoding (`CenterInput`, on by default), as PCA does. The same function class without it, the
// fourth curve, has to learn the mean through its biases while the mean image dominates every gradient of the
// encoder; with the same budget its worst angle at *k* = 30 stays tens of degrees.

// %% id="b8419e45"
global::LatentWorkbench.Twins.Twin.Cell(10, 17, "b8419e45"); // twin
var angles = linear.Select(r => r.PrincipalAnglesInDegrees(pca)).ToList();
var uncentered = AutoencoderExperiment.RunWithProgress(
    AutoencoderExperimentOptions.Defaults(AutoencoderArchitecture.Linear).WithBudget(budget) with { CodeSize = 30, CenterInput = false, Seed = seed, Device = chosenDevice }, mnist, store);
var uncenteredAngles = uncentered.PrincipalAnglesInDegrees(pca);
for (int i = 0; i < ks.Length; i++)
{
    Recorded.Value($"linear_ae{ks[i]}_max_principal_angle_deg", angles[i].Max());
}
Recorded.Value("linear_ae30_uncentered_max_principal_angle_deg", uncenteredAngles.Max());
Recorded.Value("linear_ae30_uncentered_test_se", uncentered.TestSquaredError);
var angleNumbers = Enumerable.Range(1, 30).Select(j => (double)j).ToList();
display(/*twin*/Charts.Line(angles[2], "k = 30", angleNumbers, title: "Principal angles between the linear autoencoder's decoder and PCA", xTitle: "angle number (smallest first)", yTitle: "degrees")
    .AddLine(angles[1], "k = 10", angleNumbers[..10])
    .AddLine(angles[0], "k = 2", angleNumbers[..2])
    .AddLine(uncenteredAngles, "k = 30, not centered", angleNumbers)/*twin*/);

// %% [markdown] id="2e0a5a10"
// ## Two-dimensional codes
//
// With *k* = 2 each test digit is a point in the plane, coloured by its true label (which neither model ever saw).
// PCA's plane is one overlapping cloud (notebook 01); look at how far the autoencoder's plane separates the classes,
// which Hinton & Salakhutdinov's Fig. 3 shows as arms radiating from the centre.

// %% id="223bbdc3"
global::LatentWorkbench.Twins.Twin.Cell(11, 17, "223bbdc3"); // twin
var shown = test.Take(budget == StudyBudget.Quick ? 500 : 5_000);
var pcaPlane = pca.Truncate(2).Transform(shown.Images);
var aePlane = mlp[0].Encode(shown);
display(/*twin*/Charts.Subplots([
    Charts.Embedding(pcaPlane, shown.Labels, title: "PCA, k = 2"),
    Charts.Embedding(aePlane, shown.Labels, title: "MLP autoencoder, k = 2"),
], columns: 2, title: "Test digits in two-dimensional codes, coloured by digit")/*twin*/);

// %% [markdown] id="e474f3d7"
// ### How much of the label does each code keep?
//
// The 10-nearest-neighbour accuracy of the digit label, with the codes of the first 20,000 training digits as the
// reference set and the test digits' codes as queries: a code space where digits of one class sit together scores high. The labels were
// never used in training, so this measures how well the unsupervised code organises the digits.

// %% id="269acae2"
global::LatentWorkbench.Twins.Twin.Cell(12, 17, "269acae2"); // twin
var reference = train.Take(budget == StudyBudget.Quick ? 2_000 : 20_000);
var knnPca = ks.Select(k => KnnAccuracy.Split(pca.Truncate(k).Transform(reference.Images), reference.Labels, pca.Truncate(k).Transform(test.Images), test.Labels)).ToList();
var knnMlp = mlp.Select(r => KnnAccuracy.Split(r.Encode(reference), reference.Labels, r.Encode(test), test.Labels)).ToList();
for (int i = 0; i < ks.Length; i++)
{
    Recorded.Value($"knn10_pca{ks[i]}", knnPca[i]);
    Recorded.Value($"knn10_mlp_ae{ks[i]}", knnMlp[i]);
}
display(/*twin*/DataFrames.FromRows(["k", "PCA", "MLP autoencoder"], ks.Select((k, i) => new object[] { k, knnPca[i], knnMlp[i] }), title: "10-NN accuracy of the digit label in each code space")/*twin*/);

// %% [markdown] id="7192b770"
// ## Denoising
//
// A **denoising autoencoder** (Vincent et al. 2008) is trained to rebuild the *clean* digit from a corrupted copy:
// here a quarter of the pixels of each training digit are set to black (masking noise) each time it is seen. It
// must learn what digits look like, not only how to copy pixels through a bottleneck. Below, the test digits are
// masked at several levels and each model rebuilds them; the error is measured against the clean digits.

// %% id="ceda479c"
global::LatentWorkbench.Twins.Twin.Cell(13, 17, "ceda479c"); // twin
var denoising = AutoencoderExperiment.RunWithProgress(
    AutoencoderExperimentOptions.Defaults(AutoencoderArchitecture.Denoising).WithBudget(budget) with { CodeSize = 30, Seed = seed, Device = chosenDevice }, mnist, store);
double[] noiseLevels = [0, 0.1, 0.25, 0.4, 0.55];
var reconstructors = new Dictionary<string, Func<torch.Tensor, torch.Tensor>>
{
    ["PCA-30"] = ReconstructionErrors.Of(pca.Truncate(30)),
    ["MLP AE-30"] = mlp[2].Reconstruct,
    ["denoising AE-30"] = denoising.Reconstruct,
};
var sweep = NoiseSweep.Run(reconstructors, test.Images, NoiseKind.Masking, noiseLevels, seed);
display(/*twin*/sweep.ToDataFrame("Squared error per image against the clean test digits, masking noise")/*twin*/);

// %% id="5576063e"
global::LatentWorkbench.Twins.Twin.Cell(14, 17, "5576063e"); // twin
display(/*twin*/Charts.Line(sweep.Errors["PCA-30"], "PCA-30", noiseLevels, title: "Rebuilding clean digits from masked ones", xTitle: "fraction of pixels masked", yTitle: "squared error per image")
    .AddLine(sweep.Errors["MLP AE-30"], "MLP AE-30", noiseLevels)
    .AddLine(sweep.Errors["denoising AE-30"], "denoising AE-30", noiseLevels)/*twin*/);

// %% [markdown] id="7be007f4"
// At zero noise the plain autoencoder has the advantage (it was trained on exactly that); the question is how
// fast each curve rises with the masked fraction. A model that has learnt what digits look like fills strokes back in
// instead of reproducing the holes. The digits below are masked at 40 %.

// %% id="e1078949"
global::LatentWorkbench.Twins.Twin.Cell(15, 17, "e1078949"); // twin
Recorded.Value("mlp_ae30_masked40_se", sweep.Errors["MLP AE-30"][Array.IndexOf(noiseLevels, 0.4)]);
Recorded.Value("denoising_ae30_masked40_se", sweep.Errors["denoising AE-30"][Array.IndexOf(noiseLevels, 0.4)]);
Recorded.Value("denoising_ae30_test_se", denoising.TestSquaredError);
var masked = NoiseSweep.Corrupt(sample.Images, NoiseKind.Masking, 0.4, seed);
var denoised = torch.cat([sample.Images, masked.cpu(), pca.Truncate(30).Reconstruct(masked),
    mlp[2].Reconstruct(masked).cpu(), denoising.Reconstruct(masked).cpu()]);
display(/*twin*/GridImage.FromImages(denoised, 10, rowLabels: ["clean", "40 % masked", "PCA-30", "MLP AE-30", "denoising AE-30"], title: "Rebuilding masked test digits")/*twin*/);

// %% [markdown] id="91eee4d9"
// ## Anomaly detection from reconstruction error
//
// An autoencoder rebuilds well what resembles its training data. Train one on every digit class but one, and the
// held-out class should come back worse: its reconstruction error is an **anomaly score**. The AUROC says how well
// that score separates the held-out digits from the others: the chance that a random held-out digit scores higher
// than a random familiar one (1 = perfect, 0.5 = chance). It depends on the class: a 1 has so little ink that it is
// cheap to rebuild whatever the model learnt, and scores *low* however novel it is.

// %% id="66139ea6"
global::LatentWorkbench.Twins.Twin.Cell(16, 17, "66139ea6"); // twin
var detector = AutoencoderExperiment.RunWithProgress(
    AutoencoderExperimentOptions.Defaults(AutoencoderArchitecture.Mlp).WithBudget(budget) with { CodeSize = 10, ExcludedDigit = heldOutDigit, Seed = seed, Device = chosenDevice }, mnist, store);
var scores = ReconstructionErrors.PerImage(detector.Reconstruct, test.Images);
var auroc = Auroc.Compute(scores, test.Labels.eq(heldOutDigit));
Recorded.Value($"anomaly_auroc_digit{heldOutDigit}", auroc);
var meanScore = Enumerable.Range(0, 10).Select(d => scores.masked_select(test.Labels.eq(d)).mean().item<double>()).ToList();
display(/*twin*/Charts.Bar(Enumerable.Range(0, 10).Select(d => d == heldOutDigit ? $"{d} (held out)" : d.ToString()).ToList(), meanScore,
    title: $"Mean reconstruction error per test digit, AE-10 trained without {heldOutDigit}s (AUROC {auroc:F3})", xTitle: "digit", yTitle: "squared error per image")/*twin*/);

// %% [markdown] id="67ab4061"
// ## How long it took
//
// Each model's training time as recorded in the run store (the time of the run that trained it, also when this
// notebook loaded it from the store).

// %% id="3bef9fca"
global::LatentWorkbench.Twins.Twin.Cell(17, 17, "3bef9fca"); // twin
var runs = mlp.Concat(linear).Append(uncentered).Concat(conv).Append(denoising).Append(detector).ToList();
var trainingSeconds = runs.Sum(r => r.TrainingSeconds);
Recorded.Value("training_seconds_total", trainingSeconds);
Recorded.Value("models_from_cache", runs.Count(r => r.FromCache));
display(/*twin*/DataFrames.FromRows(["model", "epochs", "training digits", "seconds", "from the store"],
    runs.Select(r => new object[] { r.Options.Label + (r.Options.ExcludedDigit is { } d ? $" without {d}s" : ""), r.Epochs.Count, r.Options.TrainCount ?? 60_000, r.TrainingSeconds, r.FromCache }),
    title: $"Training: {trainingSeconds:F0} s in all")/*twin*/);

// %% [markdown] id="dec0a799"
// ## What to take away
//
// - A nonlinear encoder and decoder rebuild digits from *k* numbers better than PCA's flat subspace, even after a
//   few epochs of plain backpropagation (the table and `mlp_beats_pca_at_every_k`).
// - Without nonlinearities the autoencoder is PCA in disguise: trained on centred pixels its decoder spans the same
//   subspace to within a degree or so, in an arbitrary basis; the principal angles say how near, and which directions
//   are still turning.
// - Reconstruction error is a tool beyond compression: trained on corrupted inputs the network learns to repair
//   them, and the error of a model that never saw a class flags that class as unusual, though how well depends on the
//   class.
// - Every number recorded above (the table, the principal angles, the k-NN accuracies, the denoising errors, the AUROC
//   and the training time) lands in `artifacts/metrics.json`. Notebook 03 turns the autoencoder into a generative model
//   (the variational autoencoder).
global::LatentWorkbench.Twins.Twin.End(); // twin

