// 01-mnist-and-pca.cs: the twin of 01-mnist-and-pca.ipynb, a .NET 10 file-based program that runs it without a notebook kernel.
// Written by `workbench notebooks pair`; after editing either file, pair again (`notebooks pair --to ipynb` takes this file's edits back).
// Run: dotnet run notebooks/01-mnist-and-pca.cs -- [--quick] [--set name=value]... [--out DIR]
// Lines ending in "// twin", and display(/*twin*/ … /*twin*/); around a cell's last value, are the twin's own.
#:property PublishAot=false
#:property TreatWarningsAsErrors=false

// %% [markdown] id="b65ceb86"
// # 01 · MNIST and dimensionality reduction
//
// A handwritten MNIST digit is a 28 × 28 grey image, so 784 numbers between 0 (black) and 1 (white).
// Read as a vector, every image is a point in a 784-dimensional **pixel space**. That space is mostly
// empty: a random point in it looks like television static, never like a digit. Real digits crowd into a
// thin, curved region, because their pixels are far from independent — the border is black in almost
// every image, and neighbouring pixels rise and fall together along smooth pen strokes.
//
// A **latent space** is a short list of coordinates that describes where an image sits inside that region,
// such that the image can be rebuilt from the coordinates. This notebook starts with the simplest way to
// find one: principal component analysis (PCA), a *linear* projection. Later notebooks replace it with
// learned, nonlinear encoders (autoencoders) and compare.

// %% id="7b5c0aa1"
#:project ../src/LatentWorkbench.Twins/LatentWorkbench.Twins.csproj
using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Figures;
using LatentWorkbench.Images;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Reporting;
using LatentWorkbench.Tables;
using TorchSharp;
using static LatentWorkbench.Twins.TwinDisplay; // twin
global::LatentWorkbench.Twins.Twin.Start(args); // twin

// %% [markdown] id="e15993dd"
// ## Parameters
//
// | parameter | what it is | default | example |
// | --- | --- | --- | --- |
// | `budget` | `default`: every training and test digit; `quick`: the first 2,000 training and 500 test digits (what the tests and `run --quick` use); `long`: the same as `default` here, since PCA trains nothing | `default` | `--set budget=quick` |
// | `seed` | picks the test digits shown in the reconstruction grid | `0` | `--set seed=3` |
// | `ks` | the numbers of principal components compared (the grid's rows, the error curve's points, the table) | `[2, 10, 30, 50, 100]` | `--set ks=1,5,20,200` |
//
// Rerun with other values from the repository's root, e.g.
//
//     dotnet run --project src/LatentWorkbench.Cli -c Release -- notebooks run notebooks/01-mnist-and-pca.ipynb --set seed=3 --set ks=1,5,20,200
//
// or run the notebook's twin, `dotnet run notebooks/01-mnist-and-pca.cs -- --set seed=3` (`docs/twins.md`).

// %% id="9671feee" tags=["parameters"]
global::LatentWorkbench.Twins.Twin.Cell(2, 14, "9671feee"); // twin
StudyBudget budget = StudyBudget.Default;
var seed = 0;
int[] ks = [2, 10, 30, 50, 100];
budget = global::LatentWorkbench.Twins.Twin.Parameter(nameof(budget), budget); // twin
seed = global::LatentWorkbench.Twins.Twin.Parameter(nameof(seed), seed); // twin
ks = global::LatentWorkbench.Twins.Twin.Parameter(nameof(ks), ks); // twin

// %% [markdown] id="6f7e7fb6"
// ## The data
//
// 60,000 training and 10,000 test images, each labelled with its digit. Every model in this notebook is fitted on
// training images only; the test images measure how well it does on digits it has not seen.

// %% id="7b2bc442"
global::LatentWorkbench.Twins.Twin.Cell(3, 14, "7b2bc442"); // twin
var mnist = Mnist.Load();
var train = budget == StudyBudget.Quick ? mnist.Train.Take(2_000) : mnist.Train;
var test = budget == StudyBudget.Quick ? mnist.Test.Take(500) : mnist.Test;
display(/*twin*/$"{train.Count:N0} training and {test.Count:N0} test images of {MnistSplit.PixelsPerImage} pixels"/*twin*/);

// %% [markdown] id="0f5aed7f"
// ### What the digits look like
//
// Same digit, many shapes: slant, stroke width, open or closed loops. A good latent space keeps those
// differences, and ignores the ones that do not matter (a pixel of noise, a shift of the pen by a hair).

// %% id="6e749e0c"
global::LatentWorkbench.Twins.Twin.Cell(4, 14, "6e749e0c"); // twin
var first = train.Take(40);
var firstLabels = first.Labels.data<long>().Select(label => label.ToString()).ToList();
display(/*twin*/GridImage.FromImages(first.Images, 10, captions: firstLabels, title: "The first 40 training digits")/*twin*/);

// %% [markdown] id="e2534aa7"
// ### Where the information is
//
// The mean image is a blurry average of all the digits. The per-pixel variance shows which pixels ever
// change: a bright blob in the middle, and a wide black frame of pixels that are (almost) always zero. Those
// pixels are dimensions of pixel space that carry no information at all.

// %% id="d557cf29"
global::LatentWorkbench.Twins.Twin.Cell(5, 14, "d557cf29"); // twin
var pixels = PixelStatistics.Of(train);
display(/*twin*/$"{pixels.CountWithVarianceBelow(1e-3)} of {MnistSplit.PixelsPerImage} pixels have a variance below 0.001"/*twin*/);

// %% id="d7412abc"
global::LatentWorkbench.Twins.Twin.Cell(6, 14, "d7412abc"); // twin
var meanImage = Charts.Heatmap(pixels.MeanImage, title: "Mean image");
var varianceImage = Charts.Heatmap(pixels.VarianceImage, title: "Per-pixel variance");
display(/*twin*/Charts.Subplots([meanImage, varianceImage], columns: 2, title: "Mean and variance of each pixel")/*twin*/);

// %% [markdown] id="c1d909af"
// ## Principal components
//
// PCA looks for the directions in pixel space along which the training images vary the most. The first
// principal component is the single direction of largest variance; the second is the largest among
// directions perpendicular to the first, and so on (they are the eigenvectors of the pixel covariance
// matrix, ordered by eigenvalue). Keeping the first *k* of them gives a *k*-dimensional linear latent
// space: an image's coordinates are its projections on those directions.
//
// How many are needed? The cumulative explained variance tells how much of the images' total variance the
// first *k* directions account for.

// %% id="cc961c84"
global::LatentWorkbench.Twins.Twin.Cell(7, 14, "cc961c84"); // twin
var pca = new PcaReducer(new PcaOptions()).Fit(train.Images);   // every component, so any k below is a truncation
var cumulative = pca.CumulativeExplainedVarianceRatio;
display($"{pca.ComponentsForVariance(0.90)} components keep 90% of the variance, {pca.ComponentsForVariance(0.95)} keep 95%");
var componentCounts = Enumerable.Range(1, cumulative.Count).Select(k => (double)k).ToList();
display(/*twin*/Charts.Line(cumulative, "explained variance", componentCounts, title: "Cumulative explained variance", xTitle: "components k", yTitle: "fraction of total variance")/*twin*/);

// %% [markdown] id="1bcbbb76"
// ### Rebuilding digits from *k* numbers
//
// Each row below shows the same test digits rebuilt from their first *k* principal coordinates
// (project on *k* components, then map back to pixels). With 2 numbers every digit collapses to a blur of a
// generic shape; by 30 they are readable; by 100 the reconstructions are close to the originals.

// %% id="0d0ade2b"
global::LatentWorkbench.Twins.Twin.Cell(8, 14, "0d0ade2b"); // twin
var sample = test.Sample(10, seed);

// %% id="d7b14bf2"
global::LatentWorkbench.Twins.Twin.Cell(9, 14, "d7b14bf2"); // twin
var rows = torch.cat([sample.Images, .. ks.Select(k => pca.Truncate(k).Reconstruct(sample.Images))]);
string[] rowLabels = ["original", .. ks.Select(k => $"k = {k}")];
var rebuilt = GridImage.FromImages(rows, 10, rowLabels: rowLabels, title: "Test digits rebuilt from k principal components")
    .WithId("pca-reconstructions");
display(/*twin*/rebuilt/*twin*/);

// %% [markdown] id="9cdc8603"
// ### Reconstruction error against *k*
//
// The mean squared error per pixel of the rebuilt test images, next to the training error that the
// spectrum predicts (the variance of the components left out, divided by 784). The two curves nearly
// coincide: a linear projection this simple barely overfits.

// %% id="7797fa25"
global::LatentWorkbench.Twins.Twin.Cell(10, 14, "7797fa25"); // twin
var testError = ks.Select(k => pca.Truncate(k).ReconstructionError(test.Images)).ToList();
var trainError = ks.Select(pca.TrainingError).ToList();
var kAxis = ks.Select(k => (double)k).ToList();
var errorChart = Charts.Line(trainError, "train (from the spectrum)", kAxis, title: "Reconstruction error against k", xTitle: "components k", yTitle: "mean squared error per pixel")
    .AddLine(testError, "test (measured)", kAxis)
    .WithId("reconstruction-error-curve")
    .WithCaption("Mean squared error per pixel of test digits rebuilt from k principal components, beside the training error the spectrum predicts.");
display(/*twin*/errorChart/*twin*/);

// %% id="3c0727bb"
global::LatentWorkbench.Twins.Twin.Cell(11, 14, "3c0727bb"); // twin
display(/*twin*/DataFrames.FromRows(["k", "variance kept", "train MSE", "test MSE"],
    ks.Select((k, i) => new object[] { k, cumulative[k - 1], trainError[i], testError[i] }), title: "PCA reconstruction error")
    .WithId("reconstruction-error-table")/*twin*/);

// %% id="5e7c0a91"
global::LatentWorkbench.Twins.Twin.Cell(12, 14, "5e7c0a91"); // twin
// Key numbers, collected by the workbench into artifacts/metrics.json
Recorded.Value("pca_components_90pct_variance", pca.ComponentsForVariance(0.90));
foreach (var (k, error) in ks.Zip(testError))
{
    Recorded.Value($"pca{k}_test_mse", error);
}

// %% [markdown] id="a20ebcf8"
// ## Two dimensions
//
// With only the first two principal coordinates, each training digit becomes a point in the plane. Some
// classes separate — 0 and 1 sit at opposite ends of the first component, which largely tracks how much
// ink a digit has, and 4, 7 and 9 share the lower part — but most overlap in a dense cloud: two straight
// directions cannot untangle ten curved clusters.

// %% id="350672c6"
global::LatentWorkbench.Twins.Twin.Cell(13, 14, "350672c6"); // twin
var shown = train.Take(budget == StudyBudget.Quick ? 1_000 : 5_000);
var xy = pca.Truncate(2).Transform(shown.Images);
display(/*twin*/Charts.Embedding(xy, shown.Labels, title: "Training digits on the first two principal components")/*twin*/);

// %% [markdown] id="0f762f76"
// ## What PCA cannot capture
//
// PCA is linear: the latent coordinates are fixed weighted sums of pixels, and the reconstruction is the
// mean plus a weighted sum of fixed "eigen-digit" images. The set of digits is not flat, though — a 7
// turning into a 1 as its bar shortens, or a stroke moving sideways, traces a curved path through pixel
// space, and a flat subspace can only follow it with many extra dimensions. That is why 2 components
// blur and why the 2-D picture overlaps.
//
// The next notebook replaces the linear map with a neural network (an autoencoder): an encoder that
// bends pixel space into a few coordinates, and a decoder that bends them back, trained to make the
// reconstruction error small. Its error curve can then be set beside the PCA curve above, at the same *k*.

// %% [markdown] id="396fc40a"
// ## Saving figures for a report
//
// Every figure above can be saved where a report wants it. `FigureFolder.Save` writes each chosen figure as SVG
// (drawn without a browser), PNG at the scale given (rendered by headless Chromium; skipped, with the reason, where
// Chromium is not installed) and an HTML page that works offline. Files are named by the figure's id, given with
// `.WithId(...)` (or made from its title), so they keep their names when cells are added or moved.
// `FigureFolder.UnderOutput` puts them under this run's output folder: the one `workbench notebooks run --out`
// writes to, else `artifacts/` in the repository (VS Code, Jupyter). Pass any other folder to `Save` instead.
// `workbench run --figures DIR` copies every figure of every notebook to `DIR` without a cell like this one.

// %% id="2b17ae9a"
global::LatentWorkbench.Twins.Twin.Cell(14, 14, "2b17ae9a"); // twin
var reportFolder = FigureFolder.UnderOutput("report/01-mnist-and-pca");
display(/*twin*/FigureFolder.Save(reportFolder, [errorChart, rebuilt], FigureFormats.All, pngScale: 2).ToString()/*twin*/);
global::LatentWorkbench.Twins.Twin.End(); // twin

