// 04-projections.cs: the twin of 04-projections.ipynb, a .NET 10 file-based program that runs it without a notebook kernel.
// Written by `workbench notebooks pair`; after editing either file, pair again (`notebooks pair --to ipynb` takes this file's edits back).
// Run: dotnet run notebooks/04-projections.cs -- [--quick] [--set name=value]... [--out DIR]
// Lines ending in "// twin", and display(/*twin*/ … /*twin*/); around a cell's last value, are the twin's own.
#:property PublishAot=false
#:property TreatWarningsAsErrors=false

// %% [markdown] id="34a36fdb"
// # 04 · Projections: t-SNE and UMAP of pixels, PCA codes, autoencoder codes and VAE latents
//
// Notebooks 01–03 built several descriptions of the same digits: the 784 raw **pixels**, the first principal
// components (**PCA**), the codes of notebook 02's deep **autoencoder** (AE) and the means **μ** notebook 03's variational
// autoencoder assigns to each image (VAE). None of them can be looked at directly. t-SNE and UMAP squeeze any of them
// into two dimensions while trying to keep each point's *neighbours* next to it, so a picture of the 2-D map shows which
// digits a space puts together.
//
// Two questions run through this notebook:
//
// 1. **Which space separates the classes best, and by how much?** The same test digits are embedded from each space by
//    both methods, and the maps are scored by the same numbers (the tables below), over one or more seeds.
// 2. **What do the knobs do?** t-SNE's perplexity and UMAP's n_neighbors / min_dist change what "neighbour" means; the
//    sweeps show how.
//
// How the maps are scored (all at k = 10, against the space the map was computed from):
// **trustworthiness** — are the map's neighbours real neighbours? (1 = never a false neighbour);
// **continuity** — are the real neighbours still neighbours on the map?; **k-NN accuracy** — the share of digits a
// 10-nearest-neighbour vote on the map labels correctly (5-fold); **silhouette** — how much closer a digit is to its own
// class than to the next one on the map (−1 … 1); and the wall-clock **seconds**.

// %% id="84e28a35"
#:project ../src/LatentWorkbench.Twins/LatentWorkbench.Twins.csproj
using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Projections;
using LatentWorkbench.Figures;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Reporting;
using LatentWorkbench.Runs;
using LatentWorkbench.Tables;
using TorchSharp;
using static LatentWorkbench.Twins.TwinDisplay; // twin
global::LatentWorkbench.Twins.Twin.Start(args); // twin

// %% [markdown] id="2c64507b"
// ## Parameters
//
// Run the notebook from the repository root with, for example,
//
// ```bash
// dotnet run --project src/LatentWorkbench.Cli -c Release -- notebooks run notebooks/04-projections.ipynb --set seeds=0,1,2
// ```
//
// and add one `--set name=value` per parameter to change. Every default is read from `ProjectionStudyOptions`, the one
// place the library keeps them.
//
// | parameter | what it is | default | example |
// | --- | --- | --- | --- |
// | `budget` | `default` (the main job), `quick` (small subsets and short runs: the tests and `--quick`) or `long` (the models at their long budgets: for a GPU or an overnight run) | `default` | `--set budget=quick` |
// | `device` | where the autoencoder and the VAE train and encode: `auto`, `cpu` or `cuda` | `auto` | `--set device=cpu` |
// | `seeds` | one comparison per seed: each seed trains (or loads) its own autoencoder and VAE and seeds t-SNE and UMAP; the first seed draws the figures and the sweeps. The quality table shows the mean and standard deviation over them | one seed, so that the default budget fits the main job's time | `--set seeds=0,1,2` |
// | `spaces` | the spaces to project, among `pixels`, `pca`, `autoencoder`, `vae` (a name that is not one of them is refused before anything runs) | all four | `--set spaces=pixels,vae` |
// | `points` | how many test digits (the first ones) the maps use | null: the budget's (`ProjectionStudyOptions.Points`, fewer at `quick`) | `--set points=5000` |
// | `pcaDimensions` | components of the PCA space, on which the sweeps and the all-digits maps also run | `ProjectionStudyOptions.PcaComponents` | `--set pcaDimensions=30` |
// | `perplexities` | t-SNE perplexities of the sweep | `ProjectionStudyOptions.Perplexities` | `--set perplexities=10,50` |
// | `neighborCounts` | UMAP n_neighbors of the sweep (rows) | `ProjectionStudyOptions.NeighborCounts` | `--set neighborCounts=10,30` |
// | `minDists` | UMAP min_dist of the sweep (columns) | `ProjectionStudyOptions.MinDists` | `--set minDists=0,0.25` |
// | `allDigitsPoints` | how many of all training and test digits the last section maps | null: the budget's (`ProjectionStudyOptions.AllDigitsPoints`; all of them at `long`) | `--set allDigitsPoints=20000` |
//
// The autoencoder and the VAE come from the run store (`data/runs/runs.db`, or the path in `LATENTWORKBENCH_RUNS`): a
// model of the same options, seed and data is loaded instead of trained, so a rerun with one more seed trains only that
// seed's models. The notebook says how many it trained and how many it loaded.

// %% id="e418f922" tags=["parameters"]
global::LatentWorkbench.Twins.Twin.Cell(2, 17, "e418f922"); // twin
StudyBudget budget = StudyBudget.Default;
DeviceChoice device = DeviceChoice.Auto;
int[] seeds = [0];
ProjectionInputSpace[] spaces = [.. ProjectionStudyOptions.Default.Spaces];
int? points = null;
int pcaDimensions = ProjectionStudyOptions.Default.PcaComponents;
double[] perplexities = [.. ProjectionStudyOptions.Default.Perplexities];
int[] neighborCounts = [.. ProjectionStudyOptions.Default.NeighborCounts];
double[] minDists = [.. ProjectionStudyOptions.Default.MinDists];
int? allDigitsPoints = null;
budget = global::LatentWorkbench.Twins.Twin.Parameter(nameof(budget), budget); // twin
device = global::LatentWorkbench.Twins.Twin.Parameter(nameof(device), device); // twin
seeds = global::LatentWorkbench.Twins.Twin.Parameter(nameof(seeds), seeds); // twin
spaces = global::LatentWorkbench.Twins.Twin.Parameter(nameof(spaces), spaces); // twin
points = global::LatentWorkbench.Twins.Twin.Parameter(nameof(points), points); // twin
pcaDimensions = global::LatentWorkbench.Twins.Twin.Parameter(nameof(pcaDimensions), pcaDimensions); // twin
perplexities = global::LatentWorkbench.Twins.Twin.Parameter(nameof(perplexities), perplexities); // twin
neighborCounts = global::LatentWorkbench.Twins.Twin.Parameter(nameof(neighborCounts), neighborCounts); // twin
minDists = global::LatentWorkbench.Twins.Twin.Parameter(nameof(minDists), minDists); // twin
allDigitsPoints = global::LatentWorkbench.Twins.Twin.Parameter(nameof(allDigitsPoints), allDigitsPoints); // twin

// %% [markdown] id="1be0c494"
// ## The digits and their descriptions
//
// The maps use the first `points` test digits; PCA and the models are fitted on training digits only. The autoencoder
// is notebook 02's deep one at k = 30 and the VAE notebook 03's (same options and budget, so the same stored runs when
// those notebooks have trained them): the first run with a seed trains them, later runs load the stored checkpoints in
// a second. The table says, per seed, which models this run trained and which it loaded.

// %% id="859ec462"
global::LatentWorkbench.Twins.Twin.Cell(3, 17, "859ec462"); // twin
var mnist = Mnist.Load();
var store = RunStore.Open();
var budgeted = ProjectionStudyOptions.Default.WithBudget(budget);
var study = budgeted with
{
    Device = device, Spaces = spaces, Points = points ?? budgeted.Points, PcaComponents = pcaDimensions,
    Perplexities = perplexities, NeighborCounts = neighborCounts, MinDists = minDists, AllDigitsPoints = allDigitsPoints ?? budgeted.AllDigitsPoints,
};
var seedStudies = seeds.Select(s => study with { Seed = s }).ToList();
var perSeed = seedStudies.Select(s => ProjectionStudy.Spaces(s, mnist, store)).ToList();
var first = perSeed[0];
var labels = first.Labels;
var count = (int)labels.shape[0];
display($"{count:N0} test digits; {perSeed.Sum(p => p.ModelsTrained)} models trained by this run, {perSeed.Sum(p => p.ModelsLoaded)} loaded from the run store");
display(/*twin*/DataFrames.FromRows(["seed", "spaces", "models trained", "models loaded from the run store", "AE test error", "VAE test loss"],
    perSeed.Select(p => new object[] { p.Seed, string.Join(", ", p.Spaces.Select(s => $"{s.Name} ({s.Dimensions})")), p.ModelsTrained, p.ModelsLoaded,
        p.Autoencoder?.TestSquaredError ?? double.NaN, p.Vae?.TestLossMean ?? double.NaN }),
    title: "The spaces of each seed and the models behind them")/*twin*/);

// %% [markdown] id="7e1f3c2a"
// ### Features, latents and embeddings
//
// Three words for vectors that describe a digit are used loosely; this notebook handles all three, and they are not the
// same thing.
//
// - A **feature space** is any description computed *from* an input: hand-made (the 784 pixels, the ink and slant
//   measures of notebook 05) or learned (the activations of a classifier's last hidden layer, which notebook 06 compares
//   with the Fréchet distance). A feature map $f: x \mapsto f(x)$ goes one way; nothing promises that a point of the
//   space between two digits' features is the feature vector of any image.
// - A **latent space** belongs to a *generative* model: $z$ is the unobserved cause, and a decoder maps it back,
//   $x \approx g(z)$, with a prior $p(z)$ that says where to draw new points (the VAE of notebook 03). Every point of it
//   decodes to an image, not only the codes of the training digits, which is what interpolation, arithmetic (notebook 05)
//   and decoding an empty place of the plane rely on. The autoencoder's code and the PCA coefficients are latents in the
//   weaker sense that a decoder exists ($\hat{x} = W z + \bar{x}$ is PCA's, and probabilistic PCA adds the Gaussian prior);
//   the autoencoder has no prior, so not every point decodes to a digit.
// - An **embedding** places a *given set* of points in a low-dimensional space so that their relations (here: who is
//   whose neighbour) survive. t-SNE and UMAP produce embeddings: coordinates for these digits only, with no decoder and,
//   for t-SNE, no way to place a new digit without recomputing the map; distances between far-apart clusters carry
//   little meaning. (The word is also used for learned lookup tables such as word embeddings, vectors whose geometry
//   encodes similarity: again a map of given items, not a space to sample from.)
//
// Below, the pixels, PCA codes, autoencoder codes and VAE means are the *input spaces*; each 2-D map is an embedding
// of one of them, and the quality table scores how faithfully it keeps that space's neighbours.

// %% [markdown] id="39124ebc"
// ## What the two methods optimise
//
// **t-SNE** (van der Maaten & Hinton 2008) turns distances into probabilities twice. In the input space, point $i$
// picks neighbour $j$ with $p_{j|i} \propto \exp(-\lVert x_i - x_j \rVert^2 / 2\sigma_i^2)$, each $\sigma_i$ chosen so that the
// distribution's **perplexity** $2^{H(P_i)}$, with $H(P_i) = -\sum_j p_{j|i} \log_2 p_{j|i}$, equals the parameter: a smooth
// count of how many neighbours $i$ listens to. These are symmetrised, $p_{ij} = (p_{j|i} + p_{i|j}) / 2n$. In the map,
// $q_{ij} \propto (1 + \lVert y_i - y_j \rVert^2)^{-1}$, a **Student-t** with one degree of freedom, and the map $y$ minimises
//
// $$\mathrm{KL}(P \,\|\, Q) = \sum_{i \ne j} p_{ij} \log \frac{p_{ij}}{q_{ij}}.$$
//
// The heavy tail answers the **crowding problem**: a 784-dimensional neighbourhood holds far more points at a moderate
// distance than a disc can, so in two dimensions moderately distant points must be pushed far away, and the Student-t
// lets them go without a large penalty. That is why t-SNE separates clusters well and why the distances *between*
// clusters in its map mean little. The KL weighs a missing neighbour ($p$ large, $q$ small) far more than a false one,
// so local structure is what it keeps.
//
// **UMAP** (McInnes, Healy & Melville 2018) builds a weighted k-nearest-neighbour graph (`n_neighbors` = $k$): the
// edge from $i$ to its neighbour $j$ has weight $w_{j|i} = \exp(-(d_{ij} - \rho_i)/\sigma_i)$, with $\rho_i$ the distance to $i$'s
// nearest neighbour and $\sigma_i$ set so that $\sum_j w_{j|i} = \log_2 k$; the directed weights are combined as fuzzy sets,
// $w_{ij} = w_{j|i} + w_{i|j} - w_{j|i}\,w_{i|j}$. In the map, $v_{ij} = (1 + a \lVert y_i - y_j \rVert^{2b})^{-1}$, with $a$ and $b$
// fitted to `min_dist`, and the layout minimises the fuzzy-set **cross-entropy**
//
// $$\sum_{i,j} \left[ w_{ij} \log \frac{w_{ij}}{v_{ij}} + (1 - w_{ij}) \log \frac{1 - w_{ij}}{1 - v_{ij}} \right]$$
//
// by stochastic gradient descent with negative sampling. The first term attracts neighbours, as t-SNE's KL does; the
// second *repels* non-neighbours explicitly, which tends to keep more of the global arrangement of clusters than
// t-SNE does. `min_dist` only shapes $v$: how tightly the map may pack points that are neighbours.

// %% [markdown] id="0f74c803"
// ## Every space by both methods
//
// t-SNE runs with perplexity 30 (scikit-learn's defaults, 1,000 iterations); UMAP with n_neighbors 15 and min_dist 0.1
// (umap-learn's defaults). Each map is computed from the space itself (no PCA step in between), and hovering a point shows
// its digit and its index among the test digits, so the same digit can be found on every map. The figure shows the first
// seed.
//
// What to look at: which digits touch on the pixel maps (in pixel space a 9 is a 4 with a closed top, and 3, 5 and 8
// share strokes), and whether the learned spaces pull those apart or keep them neighbours — when every space keeps the
// same pairs together, the descriptions agree on which digits are alike. Compare the two methods' layouts: how evenly
// the clusters spread over the plane, how tight each cluster is and how wide the gaps between them are.

// %% id="66830be2"
global::LatentWorkbench.Twins.Twin.Cell(4, 17, "66830be2"); // twin
var comparisons = seedStudies.Zip(perSeed, (s, p) => (p.Seed, Runs: ProjectionExperiment.Compare(p.Spaces, p.Labels, s.TsneProjection, s.UmapProjection))).ToList();
var runs = comparisons[0].Runs;
display(/*twin*/ProjectionExperiment.SmallMultiples(runs, labels, columns: first.Spaces.Count, title: "t-SNE (top) and UMAP (bottom) of each space")/*twin*/);

// %% [markdown] id="dea36d04"
// ### The quality report
//
// One row per map: the mean and standard deviation of each score over the seeds (with one seed, its value), then the first seed's
// full report with the seconds each map took. Trustworthiness compares the map with its own space, so it says how
// faithful the picture is to that space, not how good the space is; k-NN accuracy and silhouette measure how well the
// digits separate on the map, and those are the numbers to compare across spaces. "What this run shows" below the tables
// reads them, and says whether the seeds tell two maps apart.

// %% id="e52680a5"
global::LatentWorkbench.Twins.Twin.Cell(5, 17, "e52680a5"); // twin
var overSeeds = ProjectionExperiment.OverSeeds(comparisons);
foreach (var run in runs)
{
    string key = $"{(run.Method == "UMAP" ? "umap" : "tsne")}_{new string(run.Space.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant()}";
    string row = ProjectionExperiment.RowName(run);
    Recorded.Value($"{key}_trustworthiness", overSeeds[row, "trustworthiness"].Mean);
    Recorded.Value($"{key}_knn_accuracy", overSeeds[row, "k-NN accuracy"].Mean);
    Recorded.Value($"{key}_silhouette", overSeeds[row, "silhouette"].Mean);
    Recorded.Value($"{key}_seconds", run.Quality.Seconds);
    if (seeds.Length > 1)
    {
        Recorded.Value($"{key}_trustworthiness_sd", overSeeds[row, "trustworthiness"].StandardDeviation);
        Recorded.Value($"{key}_knn_accuracy_sd", overSeeds[row, "k-NN accuracy"].StandardDeviation);
        Recorded.Value($"{key}_silhouette_sd", overSeeds[row, "silhouette"].StandardDeviation);
    }
}

display(/*twin*/overSeeds.ToDataFrame(title: "Projection quality over the seeds (k = 10)")/*twin*/);

// %% id="f52ce1b1"
global::LatentWorkbench.Twins.Twin.Cell(6, 17, "f52ce1b1"); // twin
display(/*twin*/ProjectionExperiment.Table(runs, title: "Projection quality and seconds of the first seed")/*twin*/);

// %% id="f929ba9f"
global::LatentWorkbench.Twins.Twin.Cell(7, 17, "f929ba9f"); // twin
var methodNames = runs.Select(r => r.Method).Distinct().ToList();
var rowsOf = methodNames.ToDictionary(m => m, m => runs.Where(r => r.Method == m).Select(ProjectionExperiment.RowName).ToList());
var bestRows = methodNames.ToDictionary(m => m, m => rowsOf[m].MaxBy(r => overSeeds[r, "k-NN accuracy"].Mean)!);
Recorded.Value("best_space_knn_accuracy", bestRows.Values.Max(r => overSeeds[r, "k-NN accuracy"].Mean));
var findings = new Findings();
foreach (var m in methodNames)
{
    findings.Add($"{m}: the highest mean k-NN accuracy is {bestRows[m]}'s ({overSeeds[bestRows[m], "k-NN accuracy"].Format()}).");
    if (bestRows[m] != $"pixels · {m}" && rowsOf[m].Contains($"pixels · {m}"))
    {
        findings.Compare($"{m} k-NN accuracy", bestRows[m], overSeeds[bestRows[m], "k-NN accuracy"], $"pixels · {m}", overSeeds[$"pixels · {m}", "k-NN accuracy"], higherIsBetter: true);
    }
}

if (methodNames.Count == 2)
{
    var shared = first.Spaces.Select(s => s.Name).ToList();
    int tsneMoreTrustworthy = shared.Count(s => overSeeds[$"{s} · t-SNE", "trustworthiness"].Mean > overSeeds[$"{s} · UMAP", "trustworthiness"].Mean);
    int umapMoreSeparated = shared.Count(s => overSeeds[$"{s} · UMAP", "silhouette"].Mean > overSeeds[$"{s} · t-SNE", "silhouette"].Mean);
    findings.Add($"t-SNE's mean trustworthiness is above UMAP's in {tsneMoreTrustworthy} of {shared.Count} spaces; UMAP's mean silhouette is above t-SNE's in {umapMoreSeparated} of {shared.Count}.");
}

findings.Add(seeds.Length > 1,
    $"Every number above is a mean over {seeds.Length} seeds (each with its own models and projections).",
    "This run used one seed, so the spread of each score is unknown: rerun with `--set seeds=0,1,2` (the stored models are reused) before reading a small difference as a result.");
display(/*twin*/findings/*twin*/);

// %% [markdown] id="dd543fca"
// ## t-SNE's perplexity
//
// Perplexity is about the number of neighbours each point listens to (t-SNE uses 3 × perplexity of them). At a small
// perplexity each point only places its closest few: look whether anything still pulls whole clusters apart (gaps
// between digits) and whether each digit stays one region. At a large one the neighbourhoods reach across clusters:
// look whether the clusters become compact, whether their arrangement starts to follow the larger distances (nearby
// digits folding into one band), and whether the fine structure inside a cluster fades. Shown on the PCA space, as
// t-SNE is usually run, for the first seed; the map at the comparison's own perplexity is the comparison's map, not
// computed twice.

// %% id="1e8d2671"
global::LatentWorkbench.Twins.Twin.Cell(8, 17, "1e8d2671"); // twin
var perplexityRuns = ProjectionExperiment.SweepPerplexity(first.Pca, labels, seedStudies[0].TsneProjection, perplexities, runs);
foreach (var run in perplexityRuns)
{
    Recorded.Value($"tsne_perplexity{run.Method.Split(' ')[^1]}_knn_accuracy", run.Quality.KnnAccuracy);
}

display(/*twin*/ProjectionExperiment.SmallMultiples(perplexityRuns, labels, columns: perplexityRuns.Count, title: "t-SNE of the PCA space at each perplexity")/*twin*/);

// %% id="1d1fd4b9"
global::LatentWorkbench.Twins.Twin.Cell(9, 17, "1d1fd4b9"); // twin
display(/*twin*/ProjectionExperiment.Table(perplexityRuns, title: "Perplexity sweep")/*twin*/);

// %% id="9aa2c38b"
global::LatentWorkbench.Twins.Twin.Cell(10, 17, "9aa2c38b"); // twin
var bestPerplexity = perplexityRuns.MaxBy(r => r.Quality.KnnAccuracy)!;
var mostTrusted = perplexityRuns.MaxBy(r => r.Quality.Trustworthiness)!;
display(/*twin*/new Findings("What the perplexity sweep shows")
    .Add($"The highest k-NN accuracy is {bestPerplexity.Method}'s ({bestPerplexity.Quality.KnnAccuracy:F4}); the highest trustworthiness {mostTrusted.Method}'s ({mostTrusted.Quality.Trustworthiness:F4}).")
    .Add($"The largest silhouette (clusters most apart) is {perplexityRuns.MaxBy(r => r.Quality.Silhouette)!.Method}'s; the fastest map {perplexityRuns.MinBy(r => r.Quality.Seconds)!.Method}'s ({perplexityRuns.Min(r => r.Quality.Seconds):F1} s against {perplexityRuns.Max(r => r.Quality.Seconds):F1} s for the slowest).")
    .Add("One seed: differences in the third decimal may be the seed's, not the perplexity's.")/*twin*/);

// %% [markdown] id="a2de510c"
// ## UMAP's n_neighbors and min_dist
//
// **n_neighbors** (rows) plays perplexity's part: with few neighbours the graph only links very close points — look
// whether a digit breaks into several fragments; with many, each point is tied to a wider neighbourhood — look whether
// clusters that are near in the data come together on the map. **min_dist** (columns) changes only the layout, not the
// graph: it is the distance below which embedded points stop attracting. With no minimum each cluster can collapse to a
// dense core, good for finding clusters; with a large one points keep their distance, the clusters become even discs,
// and the variation inside a digit (slant, stroke width) has room to show. The table gives trustworthiness for each
// setting: whether spending the map's room on spacing costs it neighbourhoods. The setting of the comparison is the
// comparison's map, not computed twice.

// %% id="1c9b500c"
global::LatentWorkbench.Twins.Twin.Cell(11, 17, "1c9b500c"); // twin
var umapSweep = ProjectionExperiment.SweepUmap(first.Pca, labels, seedStudies[0].UmapProjection, neighborCounts, minDists, runs);
display(/*twin*/ProjectionExperiment.SmallMultiples(umapSweep, labels, columns: minDists.Length,
    title: "UMAP of the PCA space: n_neighbors (rows) × min_dist (columns)")/*twin*/);

// %% id="81b113b6"
global::LatentWorkbench.Twins.Twin.Cell(12, 17, "81b113b6"); // twin
display(/*twin*/ProjectionExperiment.Table(umapSweep, title: "n_neighbors × min_dist sweep")/*twin*/);

// %% id="cbdb4bbd"
global::LatentWorkbench.Twins.Twin.Cell(13, 17, "cbdb4bbd"); // twin
var (lowMinDist, highMinDist) = (minDists.Min(), minDists.Max());
var trustDrops = neighborCounts.Count(k => umapSweep.First(r => r.Method == $"UMAP k={k} min_dist={highMinDist}").Quality.Trustworthiness
    < umapSweep.First(r => r.Method == $"UMAP k={k} min_dist={lowMinDist}").Quality.Trustworthiness);
var bestUmap = umapSweep.MaxBy(r => r.Quality.KnnAccuracy)!;
display(/*twin*/new Findings("What the UMAP sweep shows")
    .Add(lowMinDist < highMinDist,
        $"Going from min_dist {lowMinDist} to {highMinDist} lowers trustworthiness at {trustDrops} of {neighborCounts.Length} n_neighbors values.",
        "The sweep has a single min_dist, so it shows nothing about min_dist.")
    .Add($"The highest k-NN accuracy is {bestUmap.Method}'s ({bestUmap.Quality.KnnAccuracy:F4}); the highest trustworthiness {umapSweep.MaxBy(r => r.Quality.Trustworthiness)!.Method}'s; the largest silhouette {umapSweep.MaxBy(r => r.Quality.Silhouette)!.Method}'s.")
    .Add("One seed: differences in the third decimal may be the seed's, not the setting's.")/*twin*/);

// %% [markdown] id="a880ca38"
// ## All the digits
//
// Both methods on the first `allDigitsPoints` of the 60,000 training and 10,000 test digits together (PCA coordinates,
// fitted on those points; the first seed). By default that is fewer than all of them, so that the notebook fits
// the main job's time; `--set budget=long` or `--set allDigitsPoints=70000` maps every digit. At this size the maps are not scored for trustworthiness (it needs a full
// ranking of every point's distances), only for k-NN accuracy and time. Look whether more points keep the picture of
// the test digits alone — the same clusters, the same neighbours — and whether the k-NN accuracy changes now that every
// digit has more neighbours of its own kind. The seconds column shows how each method's time grows with the points.

// %% id="0a446070"
global::LatentWorkbench.Twins.Twin.Cell(14, 17, "0a446070"); // twin
var all = new MnistSplit("all", torch.cat([mnist.Train.Images, mnist.Test.Images]), torch.cat([mnist.Train.Labels, mnist.Test.Labels]));
var full = all.Take(study.AllDigitsPoints);
var fullSpace = new FeatureSpace($"PCA-{study.PcaComponents}", new PcaReducer(new PcaOptions { Components = study.PcaComponents }).Fit(full.Images).Transform(full.Images));
var fullRuns = new List<ProjectionResult>
{
    ProjectionExperiment.Run(fullSpace, full.Labels, seedStudies[0].TsneProjection with { Scoring = ProjectionScoring.KnnOnly, Label = $"t-SNE of {full.Count:N0}" }),
    ProjectionExperiment.Run(fullSpace, full.Labels, seedStudies[0].UmapProjection with { Scoring = ProjectionScoring.KnnOnly, Label = $"UMAP of {full.Count:N0}" }),
};
Recorded.Value("tsne_all_seconds", fullRuns[0].Quality.Seconds);
Recorded.Value("umap_all_seconds", fullRuns[1].Quality.Seconds);
Recorded.Value("tsne_all_knn_accuracy", fullRuns[0].Quality.KnnAccuracy);
Recorded.Value("umap_all_knn_accuracy", fullRuns[1].Quality.KnnAccuracy);
display(/*twin*/ProjectionExperiment.SmallMultiples(fullRuns, full.Labels, columns: 2, title: "Many more digits: t-SNE and UMAP of the PCA space")/*twin*/);

// %% id="1b154d44"
global::LatentWorkbench.Twins.Twin.Cell(15, 17, "1b154d44"); // twin
display(/*twin*/ProjectionExperiment.Table(fullRuns, title: "Many more digits: seconds and k-NN accuracy")/*twin*/);

// %% id="e2171d9e"
global::LatentWorkbench.Twins.Twin.Cell(16, 17, "e2171d9e"); // twin
var allFindings = new Findings("What the all-digits maps show")
    .Add($"On {full.Count:N0} digits, UMAP took {fullRuns[1].Quality.Seconds:F1} s and t-SNE {fullRuns[0].Quality.Seconds:F1} s (UMAP/t-SNE = {fullRuns[1].Quality.Seconds / fullRuns[0].Quality.Seconds:F2}; wall seconds on a shared machine swing with its load).");
var pcaTsne = runs.FirstOrDefault(r => r.Space == first.Pca.Name && r.Method == "t-SNE");
var pcaUmap = runs.FirstOrDefault(r => r.Space == first.Pca.Name && r.Method == "UMAP");
if (pcaTsne is not null && pcaUmap is not null)
{
    allFindings.Add($"k-NN accuracy on {full.Count:N0} digits against {count:N0} test digits alone: t-SNE {fullRuns[0].Quality.KnnAccuracy:F4} against {pcaTsne.Quality.KnnAccuracy:F4}, UMAP {fullRuns[1].Quality.KnnAccuracy:F4} against {pcaUmap.Quality.KnnAccuracy:F4} ({(fullRuns[0].Quality.KnnAccuracy > pcaTsne.Quality.KnnAccuracy && fullRuns[1].Quality.KnnAccuracy > pcaUmap.Quality.KnnAccuracy ? "higher with more points for both" : "not higher for both")}).");
}

display(/*twin*/allFindings/*twin*/);

// %% [markdown] id="7923840b"
// ## Exploring the maps against the latent space
//
// The maps above are pictures of distances; the explorer below lets you check them against the space they came from.
// It holds the study's test digits with the VAE's posterior means $\mu(x)$ (the autoencoder's codes when no VAE space was
// requested). Its first view is a latent plane: the codes' mean $m$ and first two principal directions $u_1, u_2$, so the
// point under the cursor is $z = m + a\,u_1 + b\,u_2 + \sum_{i \ge 3} s_i\,u_i$, where $(a, b)$ are the cursor's coordinates
// and the sliders $s_i$ move off the plane along the remaining principal directions. The other views are the t-SNE and
// UMAP maps of every space of this notebook, for the same digits in the same order.
//
// - **Hover a point** of any view: the digit, its reconstruction, its label, and its nearest neighbours in *latent*
//   space ($\lVert \mu(x) - \mu(x') \rVert_2$), whatever the view.
// - **Hover empty space** on the latent plane: $z$ is decoded in the page. A map has no inverse — t-SNE has no
//   `transform` and UMAP's inverse is only an approximation — so on a map only the points decode.
//
// What to look for: on a map, two points drawn side by side whose latent neighbours differ (the map invented a
// neighbourhood: low trustworthiness, Venna & Kaski 2001), or a digit whose latent neighbours lie in another cluster of
// the map (the map tore a neighbourhood apart).

// %% id="7623e519"
global::LatentWorkbench.Twins.Twin.Cell(17, 17, "7623e519"); // twin
display(/*twin*/ProjectionExperiment.Explorer(first, runs, mnist.Test).WithId("vae-latent-explorer")/*twin*/);

// %% [markdown] id="d03787b3"
// ## What was recorded
//
// `metrics.json` in the output folder holds, for each method (`tsne`, `umap`) and space (`pixels`, `pca50`, `ae30`,
// `vae20` — the key follows the space's name, so another PCA size gives another key):
// `<method>_<space>_trustworthiness`, `_knn_accuracy` and `_silhouette` (means over the seeds; with several seeds also
// `…_sd`, their standard deviations) and `_seconds` (first seed); `best_space_knn_accuracy`; the perplexity sweep's
// `tsne_perplexity<p>_knn_accuracy`; and for the all-digits maps `tsne_all_seconds`, `umap_all_seconds`,
// `tsne_all_knn_accuracy`, `umap_all_knn_accuracy`. The run store keeps every model each seed trained, so later runs
// with more seeds or other spaces reuse them.
global::LatentWorkbench.Twins.Twin.End(); // twin

