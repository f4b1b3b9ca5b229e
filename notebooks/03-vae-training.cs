// 03-vae-training.cs: the twin of 03-vae-training.ipynb, a .NET 10 file-based program that runs it without a notebook kernel.
// Written by `workbench notebooks pair`; after editing either file, pair again (`notebooks pair --to ipynb` takes this file's edits back).
// Run: dotnet run notebooks/03-vae-training.cs -- [--quick] [--set name=value]... [--out DIR]
// Lines ending in "// twin", and display(/*twin*/ … /*twin*/); around a cell's last value, are the twin's own.
#:property PublishAot=false
#:property TreatWarningsAsErrors=false

// %% [markdown] id="8d36871d"
// # 03 · Training a variational autoencoder
//
// An autoencoder (notebook 02) maps each digit to one point of a latent space. A **variational autoencoder**
// (VAE; Kingma & Welling 2014) maps it to a small *cloud* instead: the encoder outputs a Gaussian
// q(z|x) = N(μ(x), σ²(x)), the decoder turns any latent point z into pixel probabilities p(x|z), and every
// point of the latent space is meant to decode to a plausible digit, because the latent codes are pulled
// towards a prior p(z) = N(0, I) that we can sample from.
//
// Training maximises the **evidence lower bound** (ELBO) on log p(x), per digit:
//
// log p(x) ≥ ELBO = E_q[log p(x|z)] − KL(q(z|x) ‖ p(z)),
//
// so the loss (−ELBO) has two terms that pull against each other: the **reconstruction** term (how many nats
// it costs to describe the digit's pixels given z) and the **KL** term (how many nats the code spends
// away from the prior). Watch those two terms separately throughout: they tell you more than their sum.
//
// This notebook trains the seed recipe of pytorch/examples (784-400-20, 10 epochs, Adam), looks at what it
// learned, then changes one thing at a time — a 2-D latent space, the KL weight β, a convolutional network,
// the importance-weighted bound (IWAE) — and finally measures the models by an honest estimate of log p(x)
// instead of the bound they were trained on.

// %% id="9b22d4d1"
#:project ../src/LatentWorkbench.Twins/LatentWorkbench.Twins.csproj
using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Vaes;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Reporting;
using LatentWorkbench.Runs;
using static LatentWorkbench.Twins.TwinDisplay; // twin
global::LatentWorkbench.Twins.Twin.Start(args); // twin

// %% [markdown] id="f1774c02"
// ## Parameters
//
// `budget` is `default` (the full run of the main job), `quick` (2,000 digits for a couple of epochs, small subsets scored; what the tests and `workbench run --quick` use) or `long` (every digit and ten times the default epochs, to approach the literature's numbers: for a GPU or an overnight run); `seed` is the torch seed of every model (0 reproduces pytorch/examples);
// `device` is `Auto`, `Cpu` or `Cuda` (given by name: `--set device=cpu`); `beta` is the KL weight of the β-VAE below. Rerun with other values, e.g.
// `workbench notebooks run notebooks/03-vae-training.ipynb --set beta=8.0`. Every trained model goes into the
// run store (`artifacts/runs.db`), so a rerun with unchanged parameters loads them instead of training again.

// %% id="06261ef0" tags=["parameters"]
global::LatentWorkbench.Twins.Twin.Cell(2, 21, "06261ef0"); // twin
StudyBudget budget = StudyBudget.Default;
var seed = 0;
DeviceChoice device = DeviceChoice.Auto;
var beta = 4.0;
budget = global::LatentWorkbench.Twins.Twin.Parameter(nameof(budget), budget); // twin
seed = global::LatentWorkbench.Twins.Twin.Parameter(nameof(seed), seed); // twin
device = global::LatentWorkbench.Twins.Twin.Parameter(nameof(device), device); // twin
beta = global::LatentWorkbench.Twins.Twin.Parameter(nameof(beta), beta); // twin

// %% [markdown] id="852f7399"
// ## The recipe and the budget
//
// One options record describes every model here (`VaeExperimentOptions`: network, latent size, objective,
// epochs, seed, device); its defaults are the seed recipe, and each section below changes one field. The full
// run trains every MLP model for the seed recipe's 10 epochs on all 60,000 training digits and the conv VAE for
// fewer epochs (a conv epoch costs several MLP epochs on a CPU); the likelihood is estimated on a fixed subset of
// the test digits, because k = 5000 decoder passes per digit over all 10,000 would take far longer than the rest of
// the notebook on 2 cores (docs/vae-training.md has the timings).

// %% id="df43d7fa"
global::LatentWorkbench.Twins.Twin.Cell(3, 21, "df43d7fa"); // twin
var mnist = Mnist.Load();
var store = RunStore.Open();
var seedRecipe = VaeExperimentOptions.Default.WithBudget(budget) with { Seed = seed, Device = device };
var convEpochs = budget == StudyBudget.Quick ? 1 : 3;
var likelihoodOptions = budget == StudyBudget.Quick
    ? VaeLikelihoodOptions.Default with { TestExamples = 100, SampleCounts = [1, 10, 100, 500] }
    : VaeLikelihoodOptions.Default with { TestExamples = 1_000 };
display(/*twin*/$"{seedRecipe.Title}: {seedRecipe.Training.Epochs} epochs on {seedRecipe.TrainCount ?? mnist.Train.Count:N0} digits; likelihood on {likelihoodOptions.TestExamples:N0} test digits up to k = {likelihoodOptions.SampleCounts[^1]}; run store {store.Path}"/*twin*/);

// %% [markdown] id="7da96ccf"
// ## The seed recipe: 784-400-20
//
// The encoder is one hidden layer of 400 ReLUs giving μ and log σ² of a 20-dimensional Gaussian; the decoder
// mirrors it and outputs 784 Bernoulli probabilities. While it trains, the display below updates in place with
// the progress and each finished epoch's loss terms (per training digit, in nats). pytorch/examples reports a
// test loss of 105.45 after 10 epochs with seed 0; this run should land within a few hundredths of that.

// %% id="3b8b132b"
global::LatentWorkbench.Twins.Twin.Cell(4, 21, "3b8b132b"); // twin
var vae = VaeExperiment.Run(seedRecipe, mnist, [VaeExperiment.LiveProgress(seedRecipe)], store);
display(/*twin*/vae.Summary/*twin*/);

// %% [markdown] id="a5cb5b87"
// ### The two terms of the loss
//
// The reconstruction term falls steeply in the first epoch and keeps creeping down; the KL term *rises* early on:
// the encoder learns to spend nats on a code that tells digits apart, and the decoder pays them back in better
// reconstructions. After a few epochs both flatten, the KL near 25 nats: that is how much information (in nats)
// each digit's code carries about the digit.

// %% id="fbf28b24"
global::LatentWorkbench.Twins.Twin.Cell(5, 21, "fbf28b24"); // twin
display(/*twin*/VaeFigures.LossCurves(vae.Epochs, "Seed VAE: training loss per digit, by term")/*twin*/);

// %% [markdown] id="1be5355c"
// ### Samples from the prior and reconstructions
//
// Samples: draw z from N(0, I), decode, show the pixel probabilities. Most look like digits — the prior really is
// covered — but many are blurry or ambiguous blends: a Bernoulli decoder averages over what it is unsure of.
// Reconstructions (decode the posterior mean μ(x)) are sharper than samples, as they should be: they start from a
// code the encoder chose for that very digit.

// %% id="894441d7"
global::LatentWorkbench.Twins.Twin.Cell(6, 21, "894441d7"); // twin
display(/*twin*/VaeFigures.PriorSamples(vae.Model, seed: seed, title: "Seed VAE: 64 samples from the prior")/*twin*/);

// %% id="1f252cee"
global::LatentWorkbench.Twins.Twin.Cell(7, 21, "1f252cee"); // twin
display(/*twin*/VaeFigures.Reconstructions(vae.Model, mnist.Test, title: "Test digits (top) and the seed VAE's reconstructions")/*twin*/);

// %% [markdown] id="62415444"
// ### Where the test digits sit in the latent space
//
// Each test digit's posterior mean μ(x), reduced from 20 dimensions to 2 with PCA, coloured by its label. The
// VAE was never told the labels, yet the classes are not mixed at random: the 1s sit at one end, the 0s at the
// other, the 2s below, the 4s, 7s and 9s together at the top, 3, 5 and 8 in the middle. Most of the separation lives
// in the other 18 dimensions, which a linear projection to two flattens; the 2-latent model below has to put
// everything into the plane it shows. Compare with PCA of the raw pixels in notebook 01.

// %% id="73cab52c"
global::LatentWorkbench.Twins.Twin.Cell(8, 21, "73cab52c"); // twin
display(/*twin*/VaeFigures.PosteriorMeans(vae.Model, mnist.Test, count: budget == StudyBudget.Quick ? 1_000 : 5_000)/*twin*/);

// %% [markdown] id="1d9d31fd"
// ## A 2-latent VAE and its manifold
//
// With only two latent dimensions there is nothing to project: the means *are* the picture. Its loss is higher
// (two numbers cannot describe a digit as well as twenty), but it lets us draw the whole learned manifold: decode
// a grid of z that covers the prior evenly — each coordinate at the quantiles Φ⁻¹(u) of N(0, 1) for u equally
// spaced in (0, 1), as in Kingma & Welling's Figure 4 — and lay the images out on the grid. Digits morph smoothly
// into each other along both axes; the classes sit where the scatter above put them.

// %% id="05a91b10"
global::LatentWorkbench.Twins.Twin.Cell(9, 21, "05a91b10"); // twin
var twoLatentRecipe = seedRecipe.WithLatentSize(2);
var twoLatent = VaeExperiment.Run(twoLatentRecipe, mnist, [VaeExperiment.LiveProgress(twoLatentRecipe)], store);
display(/*twin*/twoLatent.Summary/*twin*/);

// %% id="b83e0f8e"
global::LatentWorkbench.Twins.Twin.Cell(10, 21, "b83e0f8e"); // twin
display(/*twin*/VaeFigures.PosteriorMeans(twoLatent.Model, mnist.Test, count: budget == StudyBudget.Quick ? 1_000 : 5_000)/*twin*/);

// %% id="da0c4d2e"
global::LatentWorkbench.Twins.Twin.Cell(11, 21, "da0c4d2e"); // twin
display(/*twin*/VaeFigures.Manifold(twoLatent.Model, side: 20)/*twin*/);

// %% [markdown] id="9259ccf4"
// ## β: how much the code may cost
//
// The β-VAE (Higgins et al. 2017) weighs the KL term by β. With β > 1 every nat of code is more expensive, so
// the encoder sends less: the KL falls, the reconstruction term rises, reconstructions and samples get blurrier,
// and latent dimensions the model can do without collapse onto the prior. β < 1 goes the other way. Set `beta`
// in the parameters (with β = 1 this is the seed model itself, loaded from the run store).

// %% id="bad3e501"
global::LatentWorkbench.Twins.Twin.Cell(12, 21, "bad3e501"); // twin
var betaRecipe = seedRecipe with { Variant = new BetaVaeConfig(beta) };
var betaVae = VaeExperiment.Run(betaRecipe, mnist, [VaeExperiment.LiveProgress(betaRecipe)], store);
display(/*twin*/betaVae.Summary/*twin*/);

// %% id="0731ae17"
global::LatentWorkbench.Twins.Twin.Cell(13, 21, "0731ae17"); // twin
display(/*twin*/VaeFigures.PriorSamples(betaVae.Model, seed: seed, title: $"β = {beta}: 64 samples from the prior")/*twin*/);

// %% [markdown] id="451f1f98"
// ## A convolutional VAE beside the MLP
//
// The same objective on a small conv network (two stride-2 3×3 convolutions, 32 and 64 channels, and transposed
// convolutions back). Convolutions share weights across positions, so the network has far fewer weights per
// layer and knows that neighbouring pixels belong together; on a CPU an epoch costs several MLP epochs, so it
// trains for fewer epochs here (see the budget above). Compare its test −ELBO and reconstructions with the MLP's.

// %% id="b6f2c4bc"
global::LatentWorkbench.Twins.Twin.Cell(14, 21, "b6f2c4bc"); // twin
var convRecipe = seedRecipe with { Architecture = VaeArchitecture.Conv, Training = seedRecipe.Training with { Epochs = convEpochs } };
var conv = VaeExperiment.Run(convRecipe, mnist, [VaeExperiment.LiveProgress(convRecipe)], store);
display(/*twin*/conv.Summary/*twin*/);

// %% id="2c9ac545"
global::LatentWorkbench.Twins.Twin.Cell(15, 21, "2c9ac545"); // twin
display(/*twin*/VaeFigures.Reconstructions(conv.Model, mnist.Test, title: "Test digits (top) and the conv VAE's reconstructions")/*twin*/);

// %% [markdown] id="299609be"
// ## The importance-weighted bound (IWAE, K = 5)
//
// The IWAE (Burda, Grosse & Salakhutdinov 2016) keeps the network and trains on a tighter bound: draw K codes
// from q(z|x) and average their importance weights p(x, z)/q(z|x) *inside* the log,
// L_K = log (1/K) Σₖ wₖ ≤ log p(x). L_1 is the ELBO; L_K grows with K. The decoder runs on K codes per digit, so
// an epoch costs roughly three MLP epochs. Its training display shows a third term, `weight_divergence`: how far
// the normalised weights are from uniform (0: every sample counts the same; log 5 ≈ 1.61: one sample takes all).

// %% id="9e755c39"
global::LatentWorkbench.Twins.Twin.Cell(16, 21, "9e755c39"); // twin
var iwaeRecipe = seedRecipe with { Variant = new IwaeConfig(5) };
var iwae = VaeExperiment.Run(iwaeRecipe, mnist, [VaeExperiment.LiveProgress(iwaeRecipe)], store);
display(/*twin*/iwae.Summary/*twin*/);

// %% [markdown] id="f0d574b8"
// ### Every model on the test digits
//
// The test loss of each model is its negative ELBO on the test digits (with z sampled, as pytorch/examples
// reports it), split into its two terms. Note the IWAE: trained on a different bound, its *ELBO* is not
// necessarily better than the VAE's — its encoder no longer needs to be a good q(z|x) on its own, only a good
// proposal — which is why the next section measures all models by the same yardstick.

// %% id="a2056179"
global::LatentWorkbench.Twins.Twin.Cell(17, 21, "a2056179"); // twin
display(/*twin*/VaeTables.Comparison([vae, twoLatent, betaVae, conv, iwae])/*twin*/);

// %% [markdown] id="e431aa9b"
// ## Evaluation beyond the ELBO
//
// The ELBO is a *bound*; comparing models by it mixes how good the model p(x) is with how good the encoder's
// guess q(z|x) is. The importance-sampled estimate log p̂(x) = log (1/k) Σᵢ p(x, zᵢ)/q(zᵢ|x), zᵢ ~ q(z|x),
// converges to log p(x) as k grows (at k = 1 it is a one-sample ELBO), so with k = 5000 (Burda et al.'s
// choice) it measures the model itself. Read the table for three things: the NLL is *below* the −ELBO for both
// models (the bound is loose by the gap); the IWAE reaches the lower NLL — the better model of the digits — even
// though its −ELBO is no better and its gap is *larger*: trained on a 5-sample bound, its q(z|x) only has to be a
// good proposal, not a close fit to the true posterior (Rainforth et al. 2018 discuss this trade); and the ± standard
// error (over digits) is the scale any difference must be read against (both models are scored on the same digits,
// so their difference is far more precise than either number). The estimate is taken on a
// fixed subset of the test digits (the budget cell says how many): the same digits for both models. Like the
// models, the estimates are kept beside the runs' checkpoints in the run store, so a rerun reads them back.

// %% id="24f015d3"
global::LatentWorkbench.Twins.Twin.Cell(18, 21, "24f015d3"); // twin
var vaeLikelihood = VaeLikelihood.Evaluate(vae, mnist.Test, likelihoodOptions, store);
var iwaeLikelihood = VaeLikelihood.Evaluate(iwae, mnist.Test, likelihoodOptions, store);
display(/*twin*/VaeTables.Likelihood([("VAE 784-400-20", vaeLikelihood), ("IWAE K=5", iwaeLikelihood)])/*twin*/);

// %% [markdown] id="f0ec1dd1"
// ### The estimate tightens as k grows
//
// The same estimate at k = 1, 10, 100, … (each k uses the first k of the same draws): how far below the −ELBO
// the NLL estimate has come. At k = 1 it is a one-sample ELBO (a gap near 0, up to sampling noise); it grows with
// every decade of k and flattens as the estimate closes in on log p(x) — the distance left shrinks as k grows. The
// IWAE's curve climbs higher: its model's likelihood sits further above its ELBO.

// %% id="88bea768"
global::LatentWorkbench.Twins.Twin.Cell(19, 21, "88bea768"); // twin
display(/*twin*/VaeFigures.LikelihoodGap([("VAE 784-400-20", vaeLikelihood), ("IWAE K=5", iwaeLikelihood)])/*twin*/);

// %% [markdown] id="f1b560be"
// ### Per digit: reconstruction against KL
//
// The ELBO split per test digit (seed VAE): each point is one digit, its reconstruction term against its KL. The
// reconstruction term varies far more (in nats) from digit to digit than the KL: 1s are by far the cheapest on both
// axes (few lit pixels, little to say), 8s, 2s, 5s and 0s the dearest (in the full run: about 39 nats of
// reconstruction and 17 of KL for a 1, about 100 and 26 for an 8). Points far to the right are the
// digits the model reconstructs worst — usually oddly written ones; hover to see which.

// %% id="d9779482"
global::LatentWorkbench.Twins.Twin.Cell(20, 21, "d9779482"); // twin
display(/*twin*/VaeFigures.ElboSplit(vaeLikelihood.Final, mnist.Test.Labels)/*twin*/);

// %% id="098b3818"
global::LatentWorkbench.Twins.Twin.Cell(21, 21, "098b3818"); // twin
// Key numbers, collected by the workbench into artifacts/metrics.json
Recorded.Value("vae_test_loss", vae.TestLossSampled);
Recorded.Value("vae_test_loss_z_mean", vae.TestLossMean);
Recorded.Value("vae_test_reconstruction", vae.TestSampled.Reconstruction);
Recorded.Value("vae_test_kl", vae.TestSampled.Kl);
Recorded.Value("vae_training_seconds", vae.TrainingSeconds);
Recorded.Value("vae_nll", vaeLikelihood.NegativeLogLikelihood);
Recorded.Value("vae_nll_se", vaeLikelihood.StandardError);
Recorded.Value("vae_nll_neg_elbo", vaeLikelihood.NegativeElbo);
Recorded.Value("iwae5_test_loss", iwae.TestLossSampled);
Recorded.Value("iwae5_training_seconds", iwae.TrainingSeconds);
Recorded.Value("iwae5_nll", iwaeLikelihood.NegativeLogLikelihood);
Recorded.Value("iwae5_nll_se", iwaeLikelihood.StandardError);
Recorded.Value("iwae5_nll_neg_elbo", iwaeLikelihood.NegativeElbo);
Recorded.Value("nll_samples", (long)vaeLikelihood.Samples);
Recorded.Value("nll_test_digits", (long)vaeLikelihood.TestExamples);
Recorded.Value("nll_seconds", vaeLikelihood.Seconds + iwaeLikelihood.Seconds);
Recorded.Value("vae2_test_loss", twoLatent.TestLossSampled);
Recorded.Value("vae2_training_seconds", twoLatent.TrainingSeconds);
Recorded.Value("beta_vae_test_loss", betaVae.TestLossSampled);
Recorded.Value("beta_vae_test_kl", betaVae.TestSampled.Kl);
Recorded.Value("beta_vae_test_reconstruction", betaVae.TestSampled.Reconstruction);
Recorded.Value("conv_vae_test_loss", conv.TestLossSampled);
Recorded.Value("conv_vae_training_seconds", conv.TrainingSeconds);

// %% [markdown] id="fef8da45"
// ## What to take away
//
// - The loss of a VAE is two numbers, not one: reconstruction and KL trade against each other, and β sets the
//   exchange rate.
// - The latent space of a VAE is *covered*: samples from the prior decode to digits, and a 2-D grid over the prior
//   decodes to a smooth map of digit shapes.
// - The ELBO is loose by E[KL(q(z|x) ‖ p(z|x))]; the importance-sampled NLL closes the gap as k grows. The IWAE,
//   trained on a 5-sample bound, is the better model by that measure, although its own ELBO is no tighter.
//
// Recorded numbers (in `artifacts/metrics.json` under this notebook): `vae_test_loss` (the seed VAE's test −ELBO,
// z sampled; pytorch/examples: 105.45), `vae_test_loss_z_mean`, `vae_test_reconstruction`, `vae_test_kl`,
// `vae_training_seconds`; `vae_nll` ± `vae_nll_se` and `vae_nll_neg_elbo` (on `nll_test_digits` test digits at
// k = `nll_samples`), the same three for `iwae5_`, with `iwae5_test_loss` and `iwae5_training_seconds`;
// `nll_seconds` (both estimates); `vae2_test_loss`, `vae2_training_seconds` (2-latent); `beta_vae_test_loss`,
// `beta_vae_test_reconstruction`, `beta_vae_test_kl`; `conv_vae_test_loss`, `conv_vae_training_seconds`. The values
// of a full run on 2 cores are in docs/vae-training.md.
//
// Notebook 06 takes up what β hinted at: latent dimensions that collapse onto the prior, and how to keep them.
global::LatentWorkbench.Twins.Twin.End(); // twin

