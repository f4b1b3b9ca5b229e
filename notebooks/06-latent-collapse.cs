// 06-latent-collapse.cs: the twin of 06-latent-collapse.ipynb, a .NET 10 file-based program that runs it without a notebook kernel.
// Written by `workbench notebooks pair`; after editing either file, pair again (`notebooks pair --to ipynb` takes this file's edits back).
// Run: dotnet run notebooks/06-latent-collapse.cs -- [--quick] [--set name=value]... [--out DIR]
// Lines ending in "// twin", and display(/*twin*/ … /*twin*/); around a cell's last value, are the twin's own.
#:property PublishAot=false
#:property TreatWarningsAsErrors=false

// %% [markdown] id="153cc011"
// # 06 · Latent collapse: when the code stops carrying information
//
// A latent-variable model can fit the data well and still leave its latent space unused. This notebook
// reproduces the two classic ways that happens and measures each remedy:
//
// - **Posterior collapse** in VAEs: the encoder's q(z|x) becomes the prior N(0, I) for every digit, so z says
//   nothing about x, and the decoder models the digits on its own. It happens when the decoder is strong enough
//   not to need z, and it is what the KL term of the ELBO pushes towards.
// - **Mode collapse** in GANs: the generator produces only a few kinds of digit, because fooling the
//   discriminator with one convincing kind is enough at each moment.
//
// Every model is trained through the workbench's one `Trainer` and cached in the run store, so a second run of
// the notebook loads the weights instead of training again.

// %% id="2b88faa2"
#:project ../src/LatentWorkbench.Twins/LatentWorkbench.Twins.csproj
using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Classifiers;
using LatentWorkbench.Experiments.Collapse;
using LatentWorkbench.Experiments.Gans;
using LatentWorkbench.Metrics.Collapse;
using LatentWorkbench.Reporting;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;
using static LatentWorkbench.Twins.TwinDisplay; // twin
global::LatentWorkbench.Twins.Twin.Start(args); // twin

// %% [markdown] id="95e29a4e"
// ## Parameters
//
// Every parameter can be changed from the command line, e.g.
//
// ```bash
// dotnet run --project src/LatentWorkbench.Cli -c Release -- notebooks run notebooks/06-latent-collapse.ipynb --set seeds=0,1,2 --set freeBits=0.5
// ```
//
// (the same `notebooks run` command takes any of the parameters below; `--quick` is `--set budget=quick`). Defaults come
// from the option records, `CollapseExperimentOptions` (the VAEs) and `GanExperimentOptions` (the GANs), so this cell
// repeats no number of its own.
//
// | parameter | what it sets | default from | example |
// |---|---|---|---|
// | `budget` | `default` (the main job), `quick` (a few hundred digits for two epochs: the mechanics, not the phenomena) or `long` (every digit and ten times the default epochs, for a GPU or an overnight run) | `StudyBudget.Default` | `--set budget=quick` |
// | `seeds` | every VAE and GAN is trained once per seed, and each comparison table shows the mean and standard deviation over the seeds; the first seed draws the single-seed figures and seeds the digit classifier that judges the samples | one seed, so that the main job fits its time | `--set seeds=0,1,2` |
// | `device` | `auto`, `cpu` or `cuda`, for every model (the classifier included) | `DeviceChoice.Auto` | `--set device=cpu` |
// | `warmupFraction` | the share of training over which KL warm-up raises β from 0 to 1 | `WarmupFraction` | `--set warmupFraction=0.25` |
// | `cycles` | the cycles of cyclical annealing | `Cycles` | `--set cycles=2` |
// | `freeBits` | free bits λ, nats per latent dimension | `FreeBits` | `--set freeBits=0.5` |
// | `smallBeta` | the β of the "β < 1" remedy | `SmallBeta` | `--set smallBeta=0.5` |
// | `betas` | the β values of the MLP VAE's sweep | `Betas` | `--set betas=0.5,1,4` |
// | `vaeTrainCount`, `vaeEpochs` | the VAEs' training digits and epochs | `TrainCount`, `Training.Epochs` | `--set vaeEpochs=10` |
// | `fewDistinctDigits` | the data-diversity experiment's training set: this many distinct digits, repeated to the GANs' training size | `FewDistinctDigits` | `--set fewDistinctDigits=30` |
// | `fewDigitDropout` | the discriminator's dropout of an extra run on those few digits (a training choice); 0 skips that run, which the main job does to save one GAN's training | `FewDigitDropout` (0) | `--set fewDigitDropout=0.3` |
// | `ganTrainCount`, `ganEpochs`, `sampleCount` | the GANs' training digits and epochs, and how many samples each model draws for the diversity table | `TrainCount`, `Training.Epochs`, `SampleCount` | `--set ganEpochs=16` |
//
// A size left at its default means "the budget's size" (the quick budget trains on fewer digits for fewer epochs); a
// size you set wins over the budget. Models already in the run store (`data/runs/runs.db`, or the file
// `LATENTWORKBENCH_RUNS` names) are loaded, not trained again: adding a seed to `seeds` trains only that seed's models,
// and the notebook says how many it trained and how many it loaded.

// %% id="d57737a0" tags=["parameters"]
global::LatentWorkbench.Twins.Twin.Cell(2, 25, "d57737a0"); // twin
StudyBudget budget = StudyBudget.Default;
int[] seeds = [0];
DeviceChoice device = DeviceChoice.Auto;
// Posterior collapse: the remedies, the β sweep, the VAEs' sizes
double warmupFraction = CollapseExperimentOptions.Default.WarmupFraction;
int cycles = CollapseExperimentOptions.Default.Cycles;
double freeBits = CollapseExperimentOptions.Default.FreeBits;
double smallBeta = CollapseExperimentOptions.Default.SmallBeta;
double[] betas = [.. CollapseExperimentOptions.Default.Betas];
int vaeTrainCount = CollapseExperimentOptions.Default.TrainCount ?? MnistSplit.PublishedTrainCount;
int vaeEpochs = CollapseExperimentOptions.Default.Training.Epochs;
// Mode collapse and data diversity: the few-digit experiment, the GANs' sizes
int fewDistinctDigits = GanExperimentOptions.Default.FewDistinctDigits;
double fewDigitDropout = GanExperimentOptions.Default.FewDigitDropout;
int ganTrainCount = GanExperimentOptions.Default.TrainCount ?? MnistSplit.PublishedTrainCount;
int ganEpochs = GanExperimentOptions.Default.Training.Epochs;
int sampleCount = GanExperimentOptions.Default.SampleCount;
budget = global::LatentWorkbench.Twins.Twin.Parameter(nameof(budget), budget); // twin
seeds = global::LatentWorkbench.Twins.Twin.Parameter(nameof(seeds), seeds); // twin
device = global::LatentWorkbench.Twins.Twin.Parameter(nameof(device), device); // twin
warmupFraction = global::LatentWorkbench.Twins.Twin.Parameter(nameof(warmupFraction), warmupFraction); // twin
cycles = global::LatentWorkbench.Twins.Twin.Parameter(nameof(cycles), cycles); // twin
freeBits = global::LatentWorkbench.Twins.Twin.Parameter(nameof(freeBits), freeBits); // twin
smallBeta = global::LatentWorkbench.Twins.Twin.Parameter(nameof(smallBeta), smallBeta); // twin
betas = global::LatentWorkbench.Twins.Twin.Parameter(nameof(betas), betas); // twin
vaeTrainCount = global::LatentWorkbench.Twins.Twin.Parameter(nameof(vaeTrainCount), vaeTrainCount); // twin
vaeEpochs = global::LatentWorkbench.Twins.Twin.Parameter(nameof(vaeEpochs), vaeEpochs); // twin
fewDistinctDigits = global::LatentWorkbench.Twins.Twin.Parameter(nameof(fewDistinctDigits), fewDistinctDigits); // twin
fewDigitDropout = global::LatentWorkbench.Twins.Twin.Parameter(nameof(fewDigitDropout), fewDigitDropout); // twin
ganTrainCount = global::LatentWorkbench.Twins.Twin.Parameter(nameof(ganTrainCount), ganTrainCount); // twin
ganEpochs = global::LatentWorkbench.Twins.Twin.Parameter(nameof(ganEpochs), ganEpochs); // twin
sampleCount = global::LatentWorkbench.Twins.Twin.Parameter(nameof(sampleCount), sampleCount); // twin

// %% id="fa4cb477"
global::LatentWorkbench.Twins.Twin.Cell(3, 25, "fa4cb477"); // twin
var mnist = Mnist.Load();
var store = RunStore.Open();
var vaeOptions = CollapseExperimentOptions.Default.WithBudget(budget).WithChangedSizes(vaeTrainCount, vaeEpochs) with
{
    Device = device, WarmupFraction = warmupFraction, Cycles = cycles, FreeBits = freeBits, SmallBeta = smallBeta, Betas = betas,
};
var ganOptions = GanExperimentOptions.Default.WithBudget(budget).WithChangedSizes(ganTrainCount, ganEpochs, sampleCount) with
{
    Device = device, FewDistinctDigits = fewDistinctDigits, FewDigitDropout = fewDigitDropout,
};
display(/*twin*/$"VAEs: {vaeOptions.Training.Epochs} epochs on {vaeOptions.TrainCount:N0} digits; GANs: {ganOptions.Training.Epochs} epochs on {ganOptions.TrainCount:N0}; seeds {string.Join(", ", seeds)}; run store {store.Path}"/*twin*/);

// %% [markdown] id="42e09a1c"
// ## Posterior collapse
//
// A VAE is trained on the ELBO, reconstruction + KL(q(z|x) ‖ p(z)). The KL term is smallest when q(z|x) *is* the
// prior for every x — and then z carries no information about x. The MLP decoder of the seed VAE cannot afford
// that: it draws every pixel independently given z, so without z it could only paint the mean digit. A decoder
// that draws the image **row by row, each row conditioned on the rows above it** (a GRU over rows,
// `AutoregressiveVae`) can model digits alone: once it has seen the top of a stroke it can continue it. He et al.
// (2019) describe how such a decoder collapses: early in training, when the encoder's z is still noise, the decoder
// learns to ignore it, the KL term then pushes q(z|x) onto the prior, and the encoder never catches up (*lagging
// inference*). Whether this run shows it is for the measures below to say.
//
// Three numbers tell how much the posterior is used (`PosteriorCollapse`):
//
// - **KL** per latent dimension, averaged over test digits (a collapsed dimension has KL 0);
// - **active units** (Burda et al. 2016): a dimension is active when its posterior mean varies over the data,
//   Var_x(E_q[z_u]) > 0.01;
// - **mutual information** I(x; z) under q (the estimator of He et al. 2019): how many nats z tells about which
//   digit it came from (at most log N for a probe of N digits).
//
// `CollapseMonitor` takes all three on the probe's test digits (`ProbeCount`) after every epoch; they are stored in
// the run store with the losses. After training, the table adds reconstruction and the importance-sampled NLL
// −log p(x). Each cell of the table is the mean and standard deviation over `seeds` (one seed: the mean alone, and
// nothing can be told apart).
//
// The collapsing setting is the autoregressive VAE on the plain ELBO (β = 1). The remedies change only the KL
// term (`KlRegularization`):
//
// - **KL warm-up** (Bowman et al. 2016): β rises linearly from 0 to 1 over the first `warmupFraction` of training, so
//   z can become useful before the KL term starts to press;
// - **cyclical annealing** (Fu et al. 2019): `cycles` cycles, each rising from 0 over its first half;
// - **free bits** (Kingma et al. 2016): each dimension's KL below λ (`freeBits`) nats costs λ anyway, so pressing it
//   to 0 gains nothing;
// - **β < 1** (`smallBeta`): a lighter KL term throughout (at the price of a looser bound).

// %% [markdown] id="0a495d43"
// **How the mutual information is estimated, and its ceiling.** With the aggregate posterior
// $q(z) = \frac{1}{N} \sum_{n=1}^{N} q(z \mid x_n)$ over the $N$ probe digits (`ProbeCount`),
//
// $$I_q(x; z) = \mathbb{E}_{x}\!\left[\mathrm{KL}\big(q(z \mid x) \,\|\, q(z)\big)\right] = \mathbb{E}_{x}\,\mathbb{E}_{q(z|x)}\big[\log q(z \mid x) - \log q(z)\big],$$
//
// estimated with one $z$ per digit and $q(z)$ as the mixture above (He et al. 2019). Since $q(z) \ge \frac{1}{N}\,q(z \mid x_n)$
// for each $n$, every term is at most $\log N$: with a probe of $N$ digits the estimate cannot exceed $\log N$ nats,
// however much the codes tell apart. A value at that ceiling means "each digit's code identifies it among the probe",
// not "this many nats and no more"; compare runs with the same `ProbeCount`. The NLL in the tables is the importance-
// sampled estimate of notebook 03 with far fewer samples per digit (`CollapseExperimentOptions.Nll.Samples`, on
// `NllCount` test digits) to fit the time budget, so it sits further above $-\log p(x)$ than notebook 03's: compare its
// values between the settings here, not with notebook 03's.

// %% id="12e01ae6"
global::LatentWorkbench.Twins.Twin.Cell(4, 25, "12e01ae6"); // twin
var remedies = CollapseExperiment.Run(vaeOptions.Remedies(), vaeOptions, seeds, mnist, store,
    (setting, seed) => new TrainingProgress($"autoregressive VAE, {setting.Name}, seed {seed}", vaeOptions.Training.Epochs));
var remedyTable = CollapseFigures.TableOverSeeds(remedies);
display(/*twin*/remedyTable.ToDataFrame("Autoregressive VAE on test digits: the plain ELBO and each remedy, over seeds", digits: 2)/*twin*/);

// %% [markdown] id="1817f404"
// ### Over training
//
// The curves show the measures after every epoch for the first seed. Things to look for: whether the ELBO run's KL
// and mutual information fall as the decoder learns to do without z; whether free bits hold each dimension's KL
// near λ or above (below λ the KL costs nothing to keep, so the encoder has a reason to carry information); and
// what the schedules do once β is back at 1 — He et al. (2019) report that, against a strong decoder, annealing
// delays collapse more than it prevents it. Active units can stay high while the KL is tiny: means that vary a
// little (variance just over 0.01) with posteriors almost as wide as the prior count as active, so read the KL and
// MI beside them. The bar chart sorts each setting's dimensions by their KL after training.

// %% id="9a9f7d10"
global::LatentWorkbench.Twins.Twin.Cell(5, 25, "9a9f7d10"); // twin
var firstRemedies = remedies.Where(r => r.Seed == seeds[0]).ToList();
display(/*twin*/CollapseFigures.AllCurves(firstRemedies, $"Posterior use over training (autoregressive VAE, seed {seeds[0]})")/*twin*/);

// %% id="e0beaef6"
global::LatentWorkbench.Twins.Twin.Cell(6, 25, "e0beaef6"); // twin
display(/*twin*/CollapseFigures.KlPerDimension(firstRemedies, $"KL per latent dimension after training (autoregressive VAE, seed {seeds[0]})")/*twin*/);

// %% id="5d2b8e41"
global::LatentWorkbench.Twins.Twin.Cell(7, 25, "5d2b8e41"); // twin
var elbo = vaeOptions.Remedies()[0].Name;
display(/*twin*/CollapseFindings.Remedies(remedyTable, vaeOptions.Remedies(), firstRemedies)/*twin*/);

// %% [markdown] id="fc5c5f24"
// ## The β sweep on the MLP VAE
//
// With the MLP decoder, z is needed, and collapse can come only from weighting the KL term heavily: β scales the
// price of every nat z carries. Expect a small β to buy sharp reconstructions with a high KL, and a large β to blur
// them as the KL and the mutual information fall. Read the KL and MI columns before the active units: in a short run
// the posterior means can still vary enough to count as active when they carry little. Compare the NLL across β:
// the bound is tight only at β = 1, so both extremes pay for a code that is too detailed or too simple. The row
// nearest β = 1 is the same encoder as the autoregressive VAE's ELBO row above, with a decoder that cannot do
// without z: a gap between the two (the findings below compare them) is the mark of posterior collapse.

// %% id="1a88ef8b"
global::LatentWorkbench.Twins.Twin.Cell(8, 25, "1a88ef8b"); // twin
var sweep = CollapseExperiment.Run(vaeOptions.BetaSweep(), vaeOptions, seeds, mnist, store,
    (setting, seed) => new TrainingProgress($"MLP VAE, {setting.Name}, seed {seed}", vaeOptions.Training.Epochs));
var sweepTable = CollapseFigures.TableOverSeeds(sweep);
display(/*twin*/sweepTable.ToDataFrame("MLP VAE on test digits: the β sweep, over seeds", digits: 2)/*twin*/);

// %% id="5507525a"
global::LatentWorkbench.Twins.Twin.Cell(9, 25, "5507525a"); // twin
display(/*twin*/CollapseFigures.AllCurves(sweep.Where(r => r.Seed == seeds[0]).ToList(), $"Posterior use over training (MLP VAE, β sweep, seed {seeds[0]})")/*twin*/);

// %% id="b4e6c2d7"
global::LatentWorkbench.Twins.Twin.Cell(10, 25, "b4e6c2d7"); // twin
var betaNames = vaeOptions.BetaSweep().Select(s => s.Name).ToList();
var mlpElbo = CollapseExperiment.NearestElbo(sweep, seeds[0]).Setting.Name;
display(/*twin*/CollapseFindings.BetaSweep(sweepTable, vaeOptions.BetaSweep(), mlpElbo, remedyTable, elbo)/*twin*/);

// %% id="9daf89a9"
global::LatentWorkbench.Twins.Twin.Cell(11, 25, "9daf89a9"); // twin
// Key numbers of the posterior-collapse study: means over the seeds, and *_sd their standard deviations (NaN for one seed).
string[] remedyKeys = ["ar_vae_elbo", "ar_vae_warmup", "ar_vae_cyclical", "ar_vae_free_bits", "ar_vae_small_beta"];   // Remedies()' order
foreach (var (key, name) in remedyKeys.Zip(vaeOptions.Remedies().Select(s => s.Name)))
{
    Recorded.Value($"{key}_kl", remedyTable[name, CollapseFigures.Kl].Mean);
    Recorded.Value($"{key}_kl_sd", remedyTable[name, CollapseFigures.Kl].StandardDeviation);
    Recorded.Value($"{key}_mi", remedyTable[name, CollapseFigures.MutualInformation].Mean);
    Recorded.Value($"{key}_mi_sd", remedyTable[name, CollapseFigures.MutualInformation].StandardDeviation);
    Recorded.Value($"{key}_active_units", remedyTable[name, CollapseFigures.ActiveUnits].Mean);
    Recorded.Value($"{key}_nll", remedyTable[name, CollapseFigures.NegativeLogLikelihood].Mean);
    Recorded.Value($"{key}_nll_sd", remedyTable[name, CollapseFigures.NegativeLogLikelihood].StandardDeviation);
}
Recorded.Value("mlp_vae_beta1_kl", sweepTable[mlpElbo, CollapseFigures.Kl].Mean);
Recorded.Value("mlp_vae_beta1_mi", sweepTable[mlpElbo, CollapseFigures.MutualInformation].Mean);
Recorded.Value("mlp_vae_beta1_mi_sd", sweepTable[mlpElbo, CollapseFigures.MutualInformation].StandardDeviation);
Recorded.Value("mlp_vae_beta_max_active_units", sweepTable[betaNames[^1], CollapseFigures.ActiveUnits].Mean);
Recorded.Value("mlp_vae_beta_max_kl", sweepTable[betaNames[^1], CollapseFigures.Kl].Mean);
Recorded.Value("vae_runs_trained", (long)remedies.Concat(sweep).Count(r => !r.FromCache));
Recorded.Value("vae_runs_loaded", (long)remedies.Concat(sweep).Count(r => r.FromCache));
Recorded.Value("vae_training_seconds", remedies.Concat(sweep).Where(r => !r.FromCache).Sum(r => r.TrainingSeconds));

// %% [markdown] id="f248e2ac"
// ## Mode collapse
//
// A GAN's generator is trained only to fool its discriminator. Nothing in that objective asks for variety: if
// the discriminator currently accepts ones, a generator that draws only ones is doing its job, and when the
// discriminator adapts, the generator hops to another digit. The symptom is a generator that covers few
// digits at any time.
//
// The measure is a digit classifier trained on real MNIST (notebook 05's, from the same run store, seeded with the
// first seed): it labels `sampleCount` samples, giving **how many of the 10 classes** are covered (a class counts when
// at least 1% of the samples fall into it, `ClassHistogram.DefaultCoverageShare`, so that a few stray misreadings do
// not make a collapsed generator look diverse), the **entropy** of the class histogram (ln 10 ≈ 2.30 nats for a
// uniform spread, 0 for one class) and the **share of the most frequent class**; its penultimate features give a
// **Fréchet distance** between samples and real test digits (FID, with the digit classifier in place of Inception).
// Real test digits set the scale. A lesson about collapse has to hold whatever the seed, so the findings below name
// collapse only when the plain GAN covers at most three classes with **every** seed, and call the remedy held only
// when it covers at least eight of the ten with every seed (`GanFindings.CollapsedClasses`, `GanFindings.RemedyClasses`).
//
// The setting meant to collapse, the **plain GAN**, is DCGAN's recipe (Radford et al. 2016) — Adam with the same
// learning rate and β₁ = ½ for **both** networks (`GanConfig`) — on this small MLP GAN and a short run. The
// discriminator outruns the generator; the only direction that still fools it is a narrow one, so the generator
// maps all its noise there and every sample becomes nearly the same image. Nothing in the discriminator's view can
// object: it judges one example at a time, and one example cannot look "too much like the others".
//
// The remedy, **spectral normalisation** (Miyato et al. 2018), changes only the discriminator. The spectral norm
// of a weight matrix $W$ is its largest singular value,
//
// $$\sigma(W) = \max_{h \neq 0} \frac{\lVert W h \rVert_2}{\lVert h \rVert_2},$$
//
// the most that the layer can stretch any input. Every linear layer of the discriminator uses $\bar W = W / \sigma(W)$
// instead of $W$, so each stretches by at most 1; LeakyReLU never stretches, so the whole discriminator is
// 1-Lipschitz: $\lvert D(x) - D(x') \rvert \le \lVert x - x' \rVert_2$ for any two images. $\sigma(W)$ is estimated
// cheaply by one step of power iteration per forward pass, with a unit vector $u$ kept between steps:
// $v \leftarrow W^\top u / \lVert W^\top u \rVert$, $u \leftarrow W v / \lVert W v \rVert$, $\sigma(W) \approx u^\top W v$
// (`SpectralNormLinear`), with the gradient flowing through $W$ in $u^\top W v$.
//
// Why it helps: in the plain GAN nothing bounds the discriminator's weights, so it can grow them until it scores every
// generated image as certainly fake (its loss heads to 0). Its logit is then a steep, saturated function, and the one
// direction in which it is least certain pulls **all** the generator's noise the same way — collapse. A 1-Lipschitz
// discriminator cannot become that confident: its score can change only as fast as the image does, so its gradient
// stays informative wherever the generated samples are, and samples from different noise are pulled towards different
// nearby digits instead of one. The same idea — bound the critic's slope — underlies the Wasserstein GAN (Arjovsky et
// al. 2017) and its gradient penalty (Gulrajani et al. 2017); spectral normalisation enforces it per layer, at the cost
// of two matrix–vector products per layer and step. Everything else — the networks, the learning rates, the losses,
// the epochs — is the plain GAN's, so the comparison isolates the one change. The remedy was chosen by measuring
// several candidates over seeds (`docs/collapse.md` lists them); earlier versions of this notebook taught a faster
// generator and PacGAN packing, which did not hold over seeds and machines and were retired.
//
// Each GAN setting is trained once per seed, through the run store like the VAEs.

// %% [markdown] id="bd83ebb3"
// The **Fréchet distance** (Heusel et al. 2017) fits a Gaussian to each set's features, mean $\mu$ and covariance
// $\Sigma$, and measures
//
// $$d^2 = \lVert \mu_r - \mu_g \rVert^2 + \operatorname{Tr}\!\left(\Sigma_r + \Sigma_g - 2\,(\Sigma_r \Sigma_g)^{1/2}\right)$$
//
// between the real ($r$) and generated ($g$) samples: the first term charges for samples that look different on
// average, the second for a spread that differs, so a generator that repeats one good image pays through
// $\Sigma_g$ even when every sample is sharp.

// %% id="dfd901b8"
global::LatentWorkbench.Twins.Twin.Cell(12, 25, "dfd901b8"); // twin
var classifierOptions = ClassifierExperimentOptions.Default.WithBudget(budget) with { Seed = seeds[0], Device = device };
var classifier = ClassifierExperiment.Run(classifierOptions, mnist, store: store);
var probe = GanDiversity.Probe(classifier.Model);
display(/*twin*/$"digit classifier (seed {seeds[0]}): test accuracy {classifier.TestAccuracy:P2}{(classifier.FromCache ? " (from the run store)" : "")}"/*twin*/);

// %% id="c581ea97"
global::LatentWorkbench.Twins.Twin.Cell(13, 25, "c581ea97"); // twin
var gans = GanExperiment.Run(ganOptions.Settings(), ganOptions, seeds, mnist, store,
    (setting, seed) => new TrainingProgress($"GAN, {setting.Name}, seed {seed}", ganOptions.Training.Epochs));
var firstGans = gans.Where(g => g.Seed == seeds[0]).ToList();
display(/*twin*/$"GANs: trained {gans.Count(g => !g.FromCache)}, loaded {gans.Count(g => g.FromCache)} from the run store"/*twin*/);

// %% [markdown] id="664e958d"
// ### Samples over training
//
// Each row is the same ten noise vectors after one more epoch (first seed), the plain GAN first, then the remedy. Look down the columns: a generator
// that collapses makes the columns look alike — different noise, one image; a generator that keeps its variety
// keeps them different digits. The table below puts numbers on what the eye sees here.

// %% id="8015647b"
global::LatentWorkbench.Twins.Twin.Cell(14, 25, "8015647b"); // twin
display(/*twin*/GanFigures.OverTraining(firstGans[0])/*twin*/);

// %% id="adde44e2"
global::LatentWorkbench.Twins.Twin.Cell(15, 25, "adde44e2"); // twin
display(/*twin*/GanFigures.OverTraining(firstGans[1])/*twin*/);

// %% [markdown] id="689f336d"
// ### Diversity against a VAE
//
// The same measures for other real test digits (they set the scale: the Fréchet distance between two samples
// of real digits is not 0, only small), for each GAN, and for samples of the MLP VAE nearest β = 1 above
// (z ~ N(0, I), decoded), each over `seeds`. A VAE's reconstruction term makes it explain *every*
// training digit, so it is less prone than a GAN to dropping a digit, but not immune: its prior samples come from the
// prior, not from where the encoder put the data, and digits whose codes sit in regions the prior rarely samples are
// under-represented among them (the VAE's form of mode collapse). Compare its classes covered and entropy with the GANs', and its Fréchet distance
// with theirs and with the real digits': the Fréchet distance on classifier features also charges for blur. The bar
// chart and the sample grid show the first seed.

// %% id="349652d0"
global::LatentWorkbench.Twins.Twin.Cell(16, 25, "349652d0"); // twin
var vaeForSamples = (long seed) => CollapseExperiment.NearestElbo(sweep, seed);
var diversity = GanDiversity.Measure(gans, mnist.Test.Images, ganOptions.SampleCount, probe,
    seed => [($"MLP VAE {vaeForSamples(seed).Setting.Name}", vaeForSamples(seed).Samples(ganOptions.SampleCount, seed))]);
var diversityTable = GanDiversity.TableOverSeeds(diversity);
display(/*twin*/diversityTable.ToDataFrame($"Diversity of {ganOptions.SampleCount:N0} samples per model, measured by the digit classifier, over seeds", digits: 2)/*twin*/);

// %% id="a7e37c1a"
global::LatentWorkbench.Twins.Twin.Cell(17, 25, "a7e37c1a"); // twin
display(/*twin*/GanFigures.ClassShares(diversity, seeds[0], $"Which digits each model draws (seed {seeds[0]})")/*twin*/);

// %% id="96d88443"
global::LatentWorkbench.Twins.Twin.Cell(18, 25, "96d88443"); // twin
display(/*twin*/GanFigures.Samples(GanDiversity.SampleSets(gans, seeds[0], mnist.Test.Images, ganOptions.SampleCount, seed => [($"MLP VAE {vaeForSamples(seed).Setting.Name}", vaeForSamples(seed).Samples(ganOptions.SampleCount, seed))]), 12, $"Samples after training (seed {seeds[0]})")/*twin*/);

// %% id="e8a4d1f6"
global::LatentWorkbench.Twins.Twin.Cell(19, 25, "e8a4d1f6"); // twin
var collapsingName = ganOptions.Collapsing().Name;
var remedyName = ganOptions.Remedy().Name;
var vaeSetName = diversityTable.Rows[^1];
display(/*twin*/GanFindings.Diversity(diversityTable, collapsingName, remedyName, vaeSetName)/*twin*/);

// %% id="4731e878"
global::LatentWorkbench.Twins.Twin.Cell(20, 25, "4731e878"); // twin
// Key numbers of the mode-collapse study: means over the seeds, and *_sd their standard deviations (NaN for one seed).
// *_classes_covered_min and _max are the fewest and most classes any seed covered (the every-seed claims rest on them).
foreach (var (key, name) in new[] { ("gan_collapse", collapsingName), ("gan_spectral_norm", remedyName) })
{
    Recorded.Value($"{key}_classes_covered", diversityTable[name, GanDiversity.ClassesCovered].Mean);
    Recorded.Value($"{key}_classes_covered_min", diversityTable[name, GanDiversity.ClassesCovered].Values.Min());
    Recorded.Value($"{key}_classes_covered_max", diversityTable[name, GanDiversity.ClassesCovered].Values.Max());
    Recorded.Value($"{key}_entropy", diversityTable[name, GanDiversity.Entropy].Mean);
    Recorded.Value($"{key}_entropy_sd", diversityTable[name, GanDiversity.Entropy].StandardDeviation);
    Recorded.Value($"{key}_top_share", diversityTable[name, GanDiversity.TopShare].Mean);
    Recorded.Value($"{key}_frechet", diversityTable[name, GanDiversity.Frechet].Mean);
    Recorded.Value($"{key}_frechet_sd", diversityTable[name, GanDiversity.Frechet].StandardDeviation);
}
Recorded.Value("real_digits_entropy", diversityTable[GanDiversity.OtherTestDigits, GanDiversity.Entropy].Mean);
Recorded.Value("real_digits_frechet", diversityTable[GanDiversity.OtherTestDigits, GanDiversity.Frechet].Mean);
Recorded.Value("vae_samples_classes_covered", diversityTable[vaeSetName, GanDiversity.ClassesCovered].Mean);
Recorded.Value("vae_samples_entropy", diversityTable[vaeSetName, GanDiversity.Entropy].Mean);
Recorded.Value("vae_samples_frechet", diversityTable[vaeSetName, GanDiversity.Frechet].Mean);
Recorded.Value("classifier_test_accuracy", classifier.TestAccuracy);
Recorded.Value("gan_runs_trained", (long)gans.Count(g => !g.FromCache));
Recorded.Value("gan_runs_loaded", (long)gans.Count(g => g.FromCache));
Recorded.Value("gan_training_seconds", gans.Where(g => !g.FromCache).Sum(g => g.TrainingSeconds));

// %% [markdown] id="c7d1e2f3"
// ## Data diversity and collapse
//
// Collapse is not only the objective's doing: the data and the training choices feed it. A GAN's discriminator is a
// classifier of real against generated, and like any classifier it can **memorise** a training set that is small or
// repetitive. Once it has memorised the real digits, anything else is "fake", including perfectly good new digits, so
// its gradient tells the generator only "be one of those digits" — and the cheapest way to satisfy it is to reproduce
// a few of them. Arjovsky & Bottou (2017) show the same mechanism from the other side: when the two distributions have
// little overlap, a discriminator can separate them perfectly and its gradient stops carrying information. Karras et
// al. (2020, "Training GANs with limited data") measure how the discriminator overfits as the data shrink.
//
// The experiment trains the remedy's GAN, unchanged, on a **less diverse set of the same size**: the first
// `fewDistinctDigits` training digits, repeated (`TrainingData.RepeatingFirst`) until there are as many as the
// full set, so that every epoch takes the same steps and only the diversity differs. The same classifier measures
// the samples over `seeds`: classes covered, entropy and the Fréchet distance to real **test** digits (new digits of
// each class, so a generator that only replays its few training digits pays for it there even when it covers the
// classes).
//
// Training choices act through the same channel. **Dropout** in the discriminator (Srivastava et al. 2014) makes it
// a noisier, less confident judge that cannot rely on any one feature, which slows memorisation; set `fewDigitDropout` (e.g.
// `--set fewDigitDropout=0.3`) and the experiment adds that run on the few digits to its table and findings (the main
// job skips it to stay within its time). **Augmentation** widens the data itself; for GANs it must be
// applied to both real and generated examples before the discriminator (DiffAugment, Zhao et al. 2020; ADA, Karras
// et al. 2020), or the generator learns to draw the augmentations. **Batch normalisation** couples the examples of a
// batch: in the generator it helps optimisation but can tie samples of a batch together, and in the discriminator its
// batch statistics leak whether a batch is real or generated, which couples the examples in ways the objective does
// not intend. For VAEs, low diversity shows as fewer active units and a smaller KL: a decoder that can
// memorise a few digits needs little from z.

// %% id="c7d1e2f4"
global::LatentWorkbench.Twins.Twin.Cell(21, 25, "c7d1e2f4"); // twin
var fewDigitOptions = ganOptions.WithFewDistinctDigits();
var fewDigitGans = GanExperiment.Run(ganOptions.FewDigitSettings(), fewDigitOptions, seeds, mnist, store,
    (setting, seed) => new TrainingProgress($"GAN, {setting.Name}, seed {seed}", fewDigitOptions.Training.Epochs));
var fewDigitNames = ganOptions.FewDigitSettings().Select(s => s.Name).ToList();
var dataDiversity = GanDiversity.Measure([.. gans.Where(g => g.Setting.Name == remedyName), .. fewDigitGans], mnist.Test.Images, ganOptions.SampleCount, probe);
var dataDiversityTable = GanDiversity.TableOverSeeds(dataDiversity);
display(/*twin*/dataDiversityTable.ToDataFrame($"Diversity of {ganOptions.SampleCount:N0} samples: the {remedyName} GAN on every distinct digit and on {fewDigitOptions.FewDistinctDigits} distinct digits, over seeds", digits: 2)/*twin*/);

// %% id="c7d1e2f5"
global::LatentWorkbench.Twins.Twin.Cell(22, 25, "c7d1e2f5"); // twin
display(/*twin*/GanFigures.Samples(GanDiversity.SampleSets([.. gans.Where(g => g.Setting.Name == remedyName), .. fewDigitGans], seeds[0], mnist.Test.Images, ganOptions.SampleCount), 12, $"Samples after training on all digits and on few distinct digits (seed {seeds[0]})")/*twin*/);

// %% id="c7d1e2f6"
global::LatentWorkbench.Twins.Twin.Cell(23, 25, "c7d1e2f6"); // twin
display(/*twin*/GanFindings.DataDiversity(dataDiversityTable, remedyName, fewDigitNames[0], fewDigitNames.Count > 1 ? fewDigitNames[1] : null)/*twin*/);

// %% id="c7d1e2f7"
global::LatentWorkbench.Twins.Twin.Cell(24, 25, "c7d1e2f7"); // twin
// Key numbers of the data-diversity experiment: means over the seeds, *_sd their standard deviations.
// The dropout run is there only when fewDigitDropout > 0.
foreach (var (key, name) in new[] { ("gan_all_digits", remedyName), ("gan_few_digits", fewDigitNames[0]) }.Concat(fewDigitNames.Skip(1).Select(n => ("gan_few_digits_dropout", n))))
{
    Recorded.Value($"{key}_classes_covered", dataDiversityTable[name, GanDiversity.ClassesCovered].Mean);
    Recorded.Value($"{key}_classes_covered_min", dataDiversityTable[name, GanDiversity.ClassesCovered].Values.Min());
    Recorded.Value($"{key}_entropy", dataDiversityTable[name, GanDiversity.Entropy].Mean);
    Recorded.Value($"{key}_entropy_sd", dataDiversityTable[name, GanDiversity.Entropy].StandardDeviation);
    Recorded.Value($"{key}_frechet", dataDiversityTable[name, GanDiversity.Frechet].Mean);
    Recorded.Value($"{key}_frechet_sd", dataDiversityTable[name, GanDiversity.Frechet].StandardDeviation);
}
Recorded.Value("gan_few_digits_distinct", (long)fewDigitOptions.FewDistinctDigits);
Recorded.Value("gan_few_digits_training_seconds", fewDigitGans.Where(g => !g.FromCache).Sum(g => g.TrainingSeconds));

// %% [markdown] id="703a2460"
// ## What to take away
//
// Both collapses are the objective doing what it was asked. The ELBO charges for every nat z carries, and a
// decoder that can do without z may take the discount; the GAN's generator is paid for fooling one discriminator
// at a time, not for variety. The remedies try to change the price: free bits make the first λ nats per dimension
// free, annealing lowers the price while the encoder catches up (against a strong decoder, only for as long as β
// stays low), and spectral normalisation keeps the GAN's discriminator from growing so confident that one narrow way
// out is all the generator has left. Data diversity feeds collapse from the other side: a discriminator that can
// memorise a small or repetitive training set stops rewarding anything but those digits. Whether each one worked in this run, and whether its seeds tell it apart from the
// plain objective, is in the "What this run shows" lists above (the numbers that matter are recorded: `gan_collapse_*`,
// `gan_spectral_norm_*` and, for data diversity, `gan_all_digits_*`, `gan_few_digits_*` and, with `fewDigitDropout` set, `gan_few_digits_dropout_*`); with one seed, treat every difference as a
// question for a rerun with `--set seeds=0,1,2`, which trains only the seeds the run store lacks. The diagnostics
// in the library (`PosteriorCollapse`, `CollapseMonitor`, `ClassHistogram`, `FrechetDistance`) work for any VAE or
// generator of the workbench.

// %% id="f0c3b9a2"
global::LatentWorkbench.Twins.Twin.Cell(25, 25, "f0c3b9a2"); // twin
var trainedRuns = remedies.Concat(sweep).Count(r => !r.FromCache) + gans.Concat(fewDigitGans).Count(g => !g.FromCache) + (classifier.FromCache ? 0 : 1);
var loadedRuns = remedies.Concat(sweep).Count(r => r.FromCache) + gans.Concat(fewDigitGans).Count(g => g.FromCache) + (classifier.FromCache ? 1 : 0);
Recorded.Value("models_trained", (long)trainedRuns);
Recorded.Value("models_loaded", (long)loadedRuns);
display(/*twin*/$"This run trained {trainedRuns} models and loaded {loadedRuns} from the run store ({seeds.Length} seed(s): {string.Join(", ", seeds)})."/*twin*/);
global::LatentWorkbench.Twins.Twin.End(); // twin

