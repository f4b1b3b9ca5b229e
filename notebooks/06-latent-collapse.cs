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
// `budget` is `default` (the full run of the main job), `quick` (a few hundred digits for two epochs: the mechanics, not the phenomena) or `long` (every digit and ten times the default epochs, to approach the literature's numbers: for a GPU or an overnight run). `seed` seeds every model and every
// measure; `device` is `Auto`, `Cpu` or `Cuda` (given by name: `--set device=cpu`).

// %% id="d57737a0" tags=["parameters"]
global::LatentWorkbench.Twins.Twin.Cell(2, 18, "d57737a0"); // twin
StudyBudget budget = StudyBudget.Default;
var seed = 0;
DeviceChoice device = DeviceChoice.Auto;
budget = global::LatentWorkbench.Twins.Twin.Parameter(nameof(budget), budget); // twin
seed = global::LatentWorkbench.Twins.Twin.Parameter(nameof(seed), seed); // twin
device = global::LatentWorkbench.Twins.Twin.Parameter(nameof(device), device); // twin

// %% id="fa4cb477"
global::LatentWorkbench.Twins.Twin.Cell(3, 18, "fa4cb477"); // twin
var mnist = Mnist.Load();
var store = RunStore.Open();
var vaeOptions = CollapseExperimentOptions.Default.WithBudget(budget) with { Seed = seed, Device = device };
var ganOptions = GanExperimentOptions.Default.WithBudget(budget) with { Seed = seed, Device = device };
display(/*twin*/$"VAEs: {vaeOptions.Training.Epochs} epochs on {vaeOptions.TrainCount:N0} digits; GANs: {ganOptions.Training.Epochs} epochs on {ganOptions.TrainCount:N0}; run store {store.Path}"/*twin*/);

// %% [markdown] id="42e09a1c"
// ## Posterior collapse
//
// A VAE is trained on the ELBO, reconstruction + KL(q(z|x) ‖ p(z)). The KL term is smallest when q(z|x) *is* the
// prior for every x — and then z carries no information about x. The MLP decoder of the seed VAE cannot afford
// that: it draws every pixel independently given z, so without z it could only paint the mean digit. A decoder
// that draws the image **row by row, each row conditioned on the rows above it** (a GRU over rows,
// `AutoregressiveVae`) can model digits alone: once it has seen the top of a stroke it can continue it. Early in
// training, when the encoder's z is still noise, the decoder learns to ignore it, the KL term then pushes q(z|x)
// onto the prior, and the encoder never catches up (He et al. 2019 call this *lagging inference*).
//
// Three numbers tell how much the posterior is used (`PosteriorCollapse`):
//
// - **KL** per latent dimension, averaged over test digits (a collapsed dimension has KL 0);
// - **active units** (Burda et al. 2016): a dimension is active when its posterior mean varies over the data,
//   Var_x(E_q[z_u]) > 0.01;
// - **mutual information** I(x; z) under q (the estimator of He et al. 2019): how many nats z tells about which
//   digit it came from (at most log N for a probe of N digits).
//
// `CollapseMonitor` takes all three on 1,000 test digits after every epoch; they are stored in the run store
// with the losses. After training, the table adds reconstruction and the importance-sampled NLL −log p(x).
//
// The collapsing setting is the autoregressive VAE on the plain ELBO (β = 1). The remedies change only the KL
// term (`KlRegularization`):
//
// - **KL warm-up** (Bowman et al. 2016): β rises linearly from 0 to 1 over the first half of training, so z
//   is useful before the KL term starts to press;
// - **cyclical annealing** (Fu et al. 2019): four cycles, each rising from 0 over its first half;
// - **free bits** (Kingma et al. 2016): each dimension's KL below λ nats costs λ anyway, so pressing it to 0
//   gains nothing;
// - **β < 1**: a lighter KL term throughout (at the price of a looser bound).

// %% id="12e01ae6"
global::LatentWorkbench.Twins.Twin.Cell(4, 18, "12e01ae6"); // twin
var remedies = CollapseExperiment.Run(vaeOptions.Remedies(), vaeOptions, mnist, store,
    setting => new TrainingProgress($"autoregressive VAE, {setting.Name}", vaeOptions.Training.Epochs));
display(/*twin*/CollapseFigures.Table(remedies, "Autoregressive VAE on test digits: the plain ELBO and each remedy")/*twin*/);

// %% [markdown] id="1817f404"
// ### Over training
//
// The curves show the measures after every epoch. On the plain ELBO the KL and the mutual information fall as
// the decoder learns to do without z. Watch two things: free bits keep the KL near λ per dimension or above from the start (below λ
// the KL costs nothing to keep), so the encoder has a reason to carry information; the schedules move the KL while β is small, but once β
// reaches 1 the strong decoder pulls the posterior back towards the prior — annealing alone delays collapse
// more than it prevents it (He et al. 2019 report the same). Active units can stay high while the KL is tiny:
// means that vary a little (variance just over 0.01) with posteriors almost as wide as the prior count as
// active; the KL and MI show how little they carry.

// %% id="9a9f7d10"
global::LatentWorkbench.Twins.Twin.Cell(5, 18, "9a9f7d10"); // twin
display(/*twin*/CollapseFigures.AllCurves(remedies, "Posterior use over training (autoregressive VAE)")/*twin*/);

// %% id="e0beaef6"
global::LatentWorkbench.Twins.Twin.Cell(6, 18, "e0beaef6"); // twin
display(/*twin*/CollapseFigures.KlPerDimension(remedies, "KL per latent dimension after training")/*twin*/);

// %% [markdown] id="fc5c5f24"
// ## The β sweep on the MLP VAE
//
// With the MLP decoder, z is needed, and collapse comes only from weighting the KL term heavily: β scales the
// price of every nat z carries. A small β gives sharp reconstructions and a high KL; as β grows, the KL and the
// mutual information fall by an order of magnitude and the reconstructions blur. In a short run the posterior
// means still vary enough to count as active at every β: units switch off entirely only with longer training,
// so read the KL and MI columns first. Compare the NLL across β: the bound is tight only at β = 1, and the
// extremes pay for a code that is too detailed or too simple. Set the β = 1 row beside the autoregressive VAE's
// ELBO row above: the same encoder, and a KL and MI many times larger, because this decoder cannot do without z.

// %% id="1a88ef8b"
global::LatentWorkbench.Twins.Twin.Cell(7, 18, "1a88ef8b"); // twin
var sweep = CollapseExperiment.Run(vaeOptions.BetaSweep(), vaeOptions, mnist, store,
    setting => new TrainingProgress($"MLP VAE, {setting.Name}", vaeOptions.Training.Epochs));
display(/*twin*/CollapseFigures.Table(sweep, "MLP VAE on test digits: the β sweep")/*twin*/);

// %% id="5507525a"
global::LatentWorkbench.Twins.Twin.Cell(8, 18, "5507525a"); // twin
display(/*twin*/CollapseFigures.AllCurves(sweep, "Posterior use over training (MLP VAE, β sweep)")/*twin*/);

// %% id="9daf89a9"
global::LatentWorkbench.Twins.Twin.Cell(9, 18, "9daf89a9"); // twin
// Key numbers of the posterior-collapse study, collected into artifacts/metrics.json
var elbo = remedies[0];
var freeBits = remedies[3];
Recorded.Value("ar_vae_elbo_kl", elbo.Kl);
Recorded.Value("ar_vae_elbo_active_units", elbo.Collapse.ActiveUnits);
Recorded.Value("ar_vae_elbo_mi", elbo.Collapse.MutualInformation);
Recorded.Value("ar_vae_elbo_nll", elbo.NegativeLogLikelihood);
Recorded.Value("ar_vae_warmup_kl", remedies[1].Kl);
Recorded.Value("ar_vae_warmup_mi", remedies[1].Collapse.MutualInformation);
Recorded.Value("ar_vae_cyclical_kl", remedies[2].Kl);
Recorded.Value("ar_vae_cyclical_mi", remedies[2].Collapse.MutualInformation);
Recorded.Value("ar_vae_free_bits_kl", freeBits.Kl);
Recorded.Value("ar_vae_free_bits_active_units", freeBits.Collapse.ActiveUnits);
Recorded.Value("ar_vae_free_bits_mi", freeBits.Collapse.MutualInformation);
Recorded.Value("ar_vae_free_bits_nll", freeBits.NegativeLogLikelihood);
Recorded.Value("ar_vae_small_beta_kl", remedies[4].Kl);
Recorded.Value("ar_vae_small_beta_mi", remedies[4].Collapse.MutualInformation);
Recorded.Value("mlp_vae_beta1_kl", sweep.Single(r => r.Setting.Name == "β = 1").Kl);
Recorded.Value("mlp_vae_beta1_mi", sweep.Single(r => r.Setting.Name == "β = 1").Collapse.MutualInformation);
Recorded.Value("mlp_vae_beta8_active_units", sweep[^1].Collapse.ActiveUnits);
Recorded.Value("mlp_vae_beta8_kl", sweep[^1].Kl);
Recorded.Value("vae_training_seconds", remedies.Concat(sweep).Sum(r => r.TrainingSeconds));

// %% [markdown] id="f248e2ac"
// ## Mode collapse
//
// A GAN's generator is trained only to fool its discriminator. Nothing in that objective asks for variety: if
// the discriminator currently accepts ones, a generator that draws only ones is doing its job, and when the
// discriminator adapts, the generator hops to another digit. The symptom is a generator that covers few
// digits at any time.
//
// The measure is a digit classifier trained on real MNIST (notebook 05's, from the same run store): it labels
// 2,000 samples, giving **how many of the 10 classes** are covered (at least 1% of the samples), the
// **entropy** of the class histogram (ln 10 ≈ 2.30 nats for a uniform spread, 0 for one class) and the **share
// of the most frequent class**; its penultimate features give a **Fréchet distance** between samples and real
// test digits (FID, with the digit classifier in place of Inception). Real test digits set the scale.
//
// The collapsing setting is DCGAN's recipe — Adam with learning rate 2·10⁻⁴ and β₁ = ½ for **both**
// networks — on this small MLP GAN and a short run. The discriminator outruns the generator: its loss falls
// towards 0 and it scores real digits near 1. The only direction that still fools it is a narrow one, and the
// generator maps all its noise there: every sample becomes nearly the same image, which the classifier reads as
// a single digit. Two remedies:
//
// - **a changed learning-rate ratio**: the generator learns five times faster (10⁻³ against 2·10⁻⁴), so it keeps
//   up with its critic instead of chasing a target that has moved on;
// - **PacGAN packing** (Lin et al. 2018) at the equal rates: the discriminator judges 4 samples at once, all real
//   or all generated; four near-identical digits are easy to spot as fake, so sameness itself is penalised.

// %% id="dfd901b8"
global::LatentWorkbench.Twins.Twin.Cell(10, 18, "dfd901b8"); // twin
var classifier = ClassifierExperiment.Run(ClassifierExperimentOptions.Default.WithBudget(budget), mnist, store: store);
var probe = new DigitClassifierProbe(x => classifier.Model.forward(x), x => classifier.Model.Features(x));
display(/*twin*/$"digit classifier: test accuracy {classifier.TestAccuracy:P2}{(classifier.FromCache ? " (from the run store)" : "")}"/*twin*/);

// %% id="c581ea97"
global::LatentWorkbench.Twins.Twin.Cell(11, 18, "c581ea97"); // twin
var gans = GanExperiment.Run(ganOptions.Settings(), ganOptions, mnist, store,
    setting => new TrainingProgress($"GAN, {setting.Name}", ganOptions.Training.Epochs));
display(/*twin*/$"trained {gans.Count(g => !g.FromCache)}, loaded {gans.Count(g => g.FromCache)} from the run store"/*twin*/);

// %% [markdown] id="664e958d"
// ### Samples over training
//
// Each row is the same ten noise vectors after one more epoch. In the collapsing setting the columns come to
// look alike — different noise, one image; with a faster generator they stay different digits, and packing
// keeps some variety.

// %% id="8015647b"
global::LatentWorkbench.Twins.Twin.Cell(12, 18, "8015647b"); // twin
display(/*twin*/GanFigures.OverTraining(gans[0])/*twin*/);

// %% id="adde44e2"
global::LatentWorkbench.Twins.Twin.Cell(13, 18, "adde44e2"); // twin
display(/*twin*/GanFigures.OverTraining(gans[1])/*twin*/);

// %% id="d2ea9670"
global::LatentWorkbench.Twins.Twin.Cell(14, 18, "d2ea9670"); // twin
display(/*twin*/GanFigures.OverTraining(gans[2])/*twin*/);

// %% [markdown] id="689f336d"
// ### Diversity against a VAE
//
// The same measures for other real test digits (they set the scale: the Fréchet distance between two samples
// of real digits is not 0, only small), for each GAN, and for samples of the β = 1 MLP VAE above
// (z ~ N(0, I), decoded). The VAE cannot drop a mode: its reconstruction term makes it explain *every* training
// digit, so its samples cover the classes about as evenly as the data — but they are blurrier, which the
// Fréchet distance on classifier features shows.

// %% id="349652d0"
global::LatentWorkbench.Twins.Twin.Cell(15, 18, "349652d0"); // twin
var testDigits = mnist.Test.Images;
var realDigits = testDigits.narrow(0, 0, ganOptions.SampleCount);   // the reference every set is compared with
var vaeSamples = sweep.Single(r => r.Setting.Name == "β = 1").Samples(ganOptions.SampleCount, seed);
var sampleSets = new List<(string Name, TorchSharp.torch.Tensor Samples)> { ("other test digits", testDigits.narrow(0, ganOptions.SampleCount, ganOptions.SampleCount)) };
sampleSets.AddRange(gans.Select(g => (g.Setting.Name, g.Samples(ganOptions.SampleCount, seed))));
sampleSets.Add(("MLP VAE β = 1", vaeSamples));
var diversity = SampleDiversity.Measure(sampleSets, realDigits, probe);
display(/*twin*/GanFigures.DiversityTable(diversity, $"Diversity of {ganOptions.SampleCount:N0} samples, measured by the digit classifier")/*twin*/);

// %% id="a7e37c1a"
global::LatentWorkbench.Twins.Twin.Cell(16, 18, "a7e37c1a"); // twin
display(/*twin*/GanFigures.ClassShares(diversity, "Which digits each model draws")/*twin*/);

// %% id="96d88443"
global::LatentWorkbench.Twins.Twin.Cell(17, 18, "96d88443"); // twin
display(/*twin*/GanFigures.Samples(sampleSets, 12, "Samples after training")/*twin*/);

// %% id="4731e878"
global::LatentWorkbench.Twins.Twin.Cell(18, 18, "4731e878"); // twin
// Key numbers of the mode-collapse study: [0] real digits, [1] equal lr, [2] faster generator, [3] PacGAN, [4] VAE
Recorded.Value("real_digits_entropy", diversity[0].Report.Histogram.Entropy);
Recorded.Value("real_digits_frechet", diversity[0].Report.Frechet);
Recorded.Value("gan_collapse_classes_covered", diversity[1].Report.Histogram.ClassesCovered);
Recorded.Value("gan_collapse_entropy", diversity[1].Report.Histogram.Entropy);
Recorded.Value("gan_collapse_top_share", diversity[1].Report.Histogram.MostFrequentShare);
Recorded.Value("gan_collapse_frechet", diversity[1].Report.Frechet);
Recorded.Value("gan_lr_ratio_classes_covered", diversity[2].Report.Histogram.ClassesCovered);
Recorded.Value("gan_lr_ratio_entropy", diversity[2].Report.Histogram.Entropy);
Recorded.Value("gan_lr_ratio_top_share", diversity[2].Report.Histogram.MostFrequentShare);
Recorded.Value("gan_lr_ratio_frechet", diversity[2].Report.Frechet);
Recorded.Value("gan_pacgan_classes_covered", diversity[3].Report.Histogram.ClassesCovered);
Recorded.Value("gan_pacgan_entropy", diversity[3].Report.Histogram.Entropy);
Recorded.Value("gan_pacgan_top_share", diversity[3].Report.Histogram.MostFrequentShare);
Recorded.Value("gan_pacgan_frechet", diversity[3].Report.Frechet);
Recorded.Value("vae_samples_classes_covered", diversity[4].Report.Histogram.ClassesCovered);
Recorded.Value("vae_samples_entropy", diversity[4].Report.Histogram.Entropy);
Recorded.Value("vae_samples_frechet", diversity[4].Report.Frechet);
Recorded.Value("classifier_test_accuracy", classifier.TestAccuracy);
Recorded.Value("gan_training_seconds", gans.Sum(g => g.TrainingSeconds));

// %% [markdown] id="703a2460"
// ## What to take away
//
// Both collapses are the objective doing what it was asked. The ELBO charges for every nat z carries, and a
// decoder that can do without z takes the discount; the GAN's generator is paid for fooling one discriminator
// at a time, not for variety. The remedies work by changing the price: free bits make the first λ nats per
// dimension free, annealing lowers the price while the encoder catches up (which, against a strong decoder,
// helps only for as long as β stays low); a faster generator keeps the GAN's two players matched, and packing
// makes sameness itself visible to the discriminator. The
// diagnostics in the library (`PosteriorCollapse`, `CollapseMonitor`, `ClassHistogram`, `FrechetDistance`) work
// for any VAE or generator of the workbench.
global::LatentWorkbench.Twins.Twin.End(); // twin

