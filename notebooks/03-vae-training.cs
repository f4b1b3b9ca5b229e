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
// the importance-weighted bound (IWAE) — and finally measures the models by an importance-sampled estimate of
// log p(x) instead of the bound they were trained on. Each section says what to look for; the sentences under
// "What this run shows" are written by the cells from the numbers this run measured.

// %% id="9b22d4d1"
#:project ../src/LatentWorkbench.Twins/LatentWorkbench.Twins.csproj
using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Vaes;
using LatentWorkbench.Figures;
using LatentWorkbench.Figures.Explorer;
using LatentWorkbench.Metrics;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Reporting;
using LatentWorkbench.Runs;
using LatentWorkbench.Tables;
using static LatentWorkbench.Twins.TwinDisplay; // twin
global::LatentWorkbench.Twins.Twin.Start(args); // twin

// %% [markdown] id="f1774c02"
// ## Parameters
//
// Change any of them from the command line, e.g.
//
// `dotnet run --project src/LatentWorkbench.Cli -c Release -- notebooks run notebooks/03-vae-training.ipynb --set beta=8 --set seeds=0,1,2`
//
// (the commands below are that command with other `--set`s), or edit the cell and rerun it in a notebook front end.
//
// | parameter | what it is | default | example |
// | --- | --- | --- | --- |
// | `budget` | `default` (the main job), `quick` (2,000 digits for a couple of epochs, small subsets scored: a smoke run that shows the mechanics, not the results) or `long` (every digit, `StudyOptions.LongEpochFactor` times the default epochs, every test digit scored: for a GPU or an overnight run) | `default` | `--set budget=quick` (or `--quick`) |
// | `seeds` | the torch seeds; the seed VAE, the β-VAE and the IWAE (and their likelihoods) are trained for each, and the comparison table shows their mean and standard deviation; the first seed drives the figures, the 2-latent and the conv VAE | one seed (0 reproduces pytorch/examples) | `--set seeds=0,1,2` |
// | `device` | `auto`, `cpu` or `cuda`, for every model | `auto` | `--set device=cpu` |
// | `latentSize` | latent dimensions of the seed VAE, the β-VAE, the conv VAE and the IWAE | `VaeExperimentOptions.Default` | `--set latentSize=10` |
// | `hiddenWidth` | units of the MLP's hidden layer | `VaeExperimentOptions.Default` | `--set hiddenWidth=200` |
// | `epochs` | epochs of the MLP models; left at its default, the budget decides (`quick` a couple, `long` ten times the default), any other value overrides every budget (the conv VAE keeps `VaeExperimentOptions.Defaults(Conv)` at its budget) | `VaeExperimentOptions.Default` | `--set epochs=20` |
// | `learningRate` | Adam's learning rate of every model | `VaeExperimentOptions.Default` | `--set learningRate=3e-4` |
// | `beta` | the KL weight of the β-VAE | 4 | `--set beta=0.5` |
// | `iwaeK` | the IWAE's number of importance samples K | `IwaeConfig`'s default | `--set iwaeK=10` |
// | `nllSamples` | the largest k of the likelihood estimate (the curve also shows every power of ten below it); left at its default, the budget decides (`quick` scores up to a smaller k), any other value overrides every budget | `VaeLikelihoodOptions.Default` | `--set nllSamples=1000` |
// | `nllDigits` | how many test digits (the first ones) the likelihood is estimated on; left at its default, the budget decides (`quick` fewer, `long` all of them), any other value overrides every budget | `VaeLikelihoodOptions.Default` | `--set nllDigits=1000` |
//
// Every trained model, and every likelihood estimate, goes into the run store (`data/runs/runs.db`, or the file
// `LATENTWORKBENCH_RUNS` names), so a rerun with unchanged parameters loads them instead of training again, and a
// rerun with one more seed trains only that seed's models.

// %% id="06261ef0" tags=["parameters"]
global::LatentWorkbench.Twins.Twin.Cell(2, 29, "06261ef0"); // twin
StudyBudget budget = StudyBudget.Default;
int[] seeds = [0];
DeviceChoice device = DeviceChoice.Auto;
int latentSize = VaeExperimentOptions.Default.Model.LatentSize;
int hiddenWidth = VaeExperimentOptions.Default.Model.HiddenSize;
int epochs = VaeExperimentOptions.Default.Training.Epochs;
double learningRate = VaeExperimentOptions.Default.Optimizer.LearningRate;
double beta = 4.0;
int iwaeK = new IwaeConfig().Samples;
int nllSamples = VaeLikelihoodOptions.Default.SampleCounts[^1];
int nllDigits = VaeLikelihoodOptions.Default.TestExamples;
int explorerDigits = new LatentExplorerOptions().MaxDigits;
budget = global::LatentWorkbench.Twins.Twin.Parameter(nameof(budget), budget); // twin
seeds = global::LatentWorkbench.Twins.Twin.Parameter(nameof(seeds), seeds); // twin
device = global::LatentWorkbench.Twins.Twin.Parameter(nameof(device), device); // twin
latentSize = global::LatentWorkbench.Twins.Twin.Parameter(nameof(latentSize), latentSize); // twin
hiddenWidth = global::LatentWorkbench.Twins.Twin.Parameter(nameof(hiddenWidth), hiddenWidth); // twin
epochs = global::LatentWorkbench.Twins.Twin.Parameter(nameof(epochs), epochs); // twin
learningRate = global::LatentWorkbench.Twins.Twin.Parameter(nameof(learningRate), learningRate); // twin
beta = global::LatentWorkbench.Twins.Twin.Parameter(nameof(beta), beta); // twin
iwaeK = global::LatentWorkbench.Twins.Twin.Parameter(nameof(iwaeK), iwaeK); // twin
nllSamples = global::LatentWorkbench.Twins.Twin.Parameter(nameof(nllSamples), nllSamples); // twin
nllDigits = global::LatentWorkbench.Twins.Twin.Parameter(nameof(nllDigits), nllDigits); // twin
explorerDigits = global::LatentWorkbench.Twins.Twin.Parameter(nameof(explorerDigits), explorerDigits); // twin

// %% [markdown] id="852f7399"
// ## The recipe and the budget
//
// One options record describes every model here (`VaeExperimentOptions`: network, latent size, objective,
// epochs, seed, device); its defaults are the seed recipe, the parameters change some of its fields, and each
// section below changes one more. At the default budget every MLP model trains for `epochs` on all 60,000 training
// digits and the conv VAE for fewer epochs (a conv epoch costs several MLP epochs on a CPU); the likelihood is
// estimated on the first `nllDigits` test digits, because k = 5000 decoder passes per digit over all 10,000 would take
// far longer than the rest of the notebook on 2 cores (docs/vae-training.md has the timings). The line below says
// what this run uses.

// %% id="df43d7fa"
global::LatentWorkbench.Twins.Twin.Cell(3, 29, "df43d7fa"); // twin
var mnist = Mnist.Load();
var store = RunStore.Open();
var seed = seeds[0];   // the first seed drives the figures, the 2-latent and the conv VAE
var recipe = (VaeExperimentOptions.Default.WithBudget(budget) with
{
    Model = VaeExperimentOptions.Default.Model with { HiddenSize = hiddenWidth },
    Optimizer = VaeExperimentOptions.Default.Optimizer with { LearningRate = learningRate },
    Device = device,
}).WithLatentSize(latentSize);
var likelihoodOptions = VaeLikelihoodOptions.Default.WithBudget(budget);
// A parameter left at its default means: the budget's value.
if (epochs != VaeExperimentOptions.Default.Training.Epochs) recipe = recipe with { Training = recipe.Training with { Epochs = epochs } };
if (nllDigits != VaeLikelihoodOptions.Default.TestExamples) likelihoodOptions = likelihoodOptions with { TestExamples = nllDigits };
if (nllSamples != VaeLikelihoodOptions.Default.SampleCounts[^1]) likelihoodOptions = likelihoodOptions.WithMaxSamples(nllSamples);
var seedRecipe = recipe with { Seed = seed };
display(/*twin*/$"{seedRecipe.Title}: {seedRecipe.Training.Epochs} epochs on {seedRecipe.TrainCount ?? mnist.Train.Count:N0} digits, seeds {string.Join(", ", seeds)}; likelihood on {likelihoodOptions.TestExamples:N0} test digits up to k = {likelihoodOptions.SampleCounts[^1]}; run store {store.Path}"/*twin*/);

// %% [markdown] id="8d299c1a"
// ## The math behind the loss
//
// **Where the ELBO comes from, and what it misses.** For any distribution $q(z \mid x)$ over codes,
//
// $$\log p(x) = \log \int p(x, z)\,dz = \log \mathbb{E}_{q(z|x)}\!\left[\frac{p(x, z)}{q(z \mid x)}\right] \;\ge\; \mathbb{E}_{q(z|x)}\!\left[\log \frac{p(x, z)}{q(z \mid x)}\right] = \mathrm{ELBO}(x)$$
//
// by Jensen's inequality ($\log$ is concave). The gap is not arbitrary: expanding $p(x, z) = p(z \mid x)\,p(x)$ gives
//
// $$\log p(x) - \mathrm{ELBO}(x) = \mathrm{KL}\big(q(z \mid x) \,\|\, p(z \mid x)\big) \;\ge\; 0,$$
//
// how far the encoder's guess is from the true posterior. Maximising the ELBO therefore does two things at once:
// it raises $\log p(x)$ (a better model of the digits) and it pulls $q(z \mid x)$ towards $p(z \mid x)$ (a better
// encoder). Splitting $p(x, z) = p(x \mid z)\,p(z)$ instead gives the form the loss is computed in:
// $\mathrm{ELBO}(x) = \mathbb{E}_{q}[\log p(x \mid z)] - \mathrm{KL}(q(z \mid x) \,\|\, p(z))$ (Kingma & Welling 2014).
//
// **The KL in closed form.** With $q(z \mid x) = \mathcal{N}(\mu, \operatorname{diag}\sigma^2)$ and $p(z) = \mathcal{N}(0, I)$ in $d$ dimensions,
//
// $$\mathrm{KL}\big(q(z \mid x) \,\|\, p(z)\big) = \tfrac{1}{2} \sum_{j=1}^{d} \left(\mu_j^2 + \sigma_j^2 - \log \sigma_j^2 - 1\right),$$
//
// no sampling needed. Each term is non-negative and zero only when $\mu_j = 0$ and $\sigma_j = 1$ for every digit: that
// dimension then tells the decoder nothing about $x$ (a *collapsed* dimension, notebook 06). Averaged over the data,
// this KL is the **rate**: an upper bound on the mutual information $I(x; z)$ between digits and codes, since
// $\mathbb{E}_x[\mathrm{KL}(q(z \mid x) \,\|\, p(z))] = I_q(x; z) + \mathrm{KL}(q(z) \,\|\, p(z))$ with $q(z)$ the aggregate posterior
// (Hoffman & Johnson 2016; Alemi et al. 2018).
//
// **The reparameterisation trick.** The reconstruction term is an expectation over $z \sim q(z \mid x)$, and sampling is
// not differentiable. Write the sample as a deterministic function of the encoder's outputs and independent noise,
//
// $$z = \mu(x) + \sigma(x) \odot \varepsilon, \qquad \varepsilon \sim \mathcal{N}(0, I),$$
//
// so that $\nabla \mathbb{E}_{q}[f(z)] = \mathbb{E}_{\varepsilon}[\nabla f(\mu + \sigma \odot \varepsilon)]$: one draw of $\varepsilon$ per digit gives an
// unbiased, low-variance gradient that backpropagation computes through $\mu$ and $\sigma$ (Kingma & Welling 2014;
// Rezende, Mohamed & Wierstra 2014). The encoder outputs $\log \sigma^2$ rather than $\sigma$, so any real number is a
// valid output.
//
// **Which likelihood the binary cross-entropy is.** The decoder outputs one probability $p_i$ per pixel, and the
// reconstruction term is $-\sum_i \left[x_i \log p_i + (1 - x_i) \log(1 - p_i)\right]$: the negative log-likelihood of a
// **Bernoulli** distribution when every $x_i$ is 0 or 1. MNIST's pixels are grey levels in $[0, 1]$; for them this is a
// cross-entropy between the grey level and the prediction, not the log-density of any distribution over continuous
// images (the *continuous Bernoulli* of Loaiza-Ganem & Cunningham 2019 adds the missing normaliser). The nats reported
// here follow pytorch/examples' convention on grey levels; published MNIST likelihoods that binarize the digits are in
// another convention and do not compare directly.

// %% [markdown] id="7da96ccf"
// ## The seed recipe: 784-400-20
//
// The encoder is one hidden layer of 400 ReLUs (`hiddenWidth`) giving μ and log σ² of a 20-dimensional Gaussian
// (`latentSize`); the decoder mirrors it and outputs 784 Bernoulli probabilities. While it trains, the display below
// updates in place with the progress and each finished epoch's loss terms (per training digit, in nats).
// pytorch/examples reports a test loss of 105.45 after 10 epochs with seed 0 and its defaults; the findings
// below compare this run with it. One model is trained per seed; the figures show the first seed's.

// %% id="3b8b132b"
global::LatentWorkbench.Twins.Twin.Cell(4, 29, "3b8b132b"); // twin
var vaes = seeds.ToDictionary(s => s, s => VaeExperiment.Run(recipe with { Seed = s }, mnist, [VaeExperiment.LiveProgress(recipe with { Seed = s })], store));
var vae = vaes[seed];
display(/*twin*/vae.Summary/*twin*/);

// %% [markdown] id="a5cb5b87"
// ### The two terms of the loss
//
// Look at how each term moves from the first epoch to the last: the reconstruction term should fall, and the KL
// term may *rise* at first — the encoder learning to spend nats on a code that tells digits apart, paid back by
// better reconstructions. Where both flatten, the KL is the **rate** (in nats per digit): what the codes cost relative to the prior, an
// upper bound on the information they carry about the digits (above).

// %% id="fbf28b24"
global::LatentWorkbench.Twins.Twin.Cell(5, 29, "fbf28b24"); // twin
display(/*twin*/VaeFigures.LossCurves(vae.Epochs, "Seed VAE: training loss per digit, by term")/*twin*/);

// %% id="c0a7e5d1"
global::LatentWorkbench.Twins.Twin.Cell(6, 29, "c0a7e5d1"); // twin
var first = vae.Epochs[0];
var last = vae.Epochs[^1];
display(/*twin*/new Findings()
    .Add($"The seed VAE's test −ELBO (z sampled, seed {seed}) is {vae.TestLossSampled:F2} nats, against 105.45 reported by pytorch/examples for its defaults (784-400-20, 10 epochs, seed 0, all digits).")
    .Add($"Over {vae.Epochs.Count} epochs the training reconstruction term went from {first.Terms[VaeLoss.Reconstruction]:F2} to {last.Terms[VaeLoss.Reconstruction]:F2} nats and the KL term from {first.Terms[VaeLoss.Kl]:F2} to {last.Terms[VaeLoss.Kl]:F2} nats.")
    .Add(last.Terms[VaeLoss.Kl] > first.Terms[VaeLoss.Kl], "The KL term rose from the first epoch to the last: the code carries more information as training goes on.",
        "The KL term did not rise from the first epoch to the last.")/*twin*/);

// %% [markdown] id="1be5355c"
// ### Samples from the prior and reconstructions
//
// Samples: draw z from N(0, I), decode, show the pixel probabilities. Look at how many look like digits — whether
// the prior is covered — and how many are blurry or ambiguous blends: a Bernoulli decoder averages over what it is
// unsure of. Reconstructions (decode the posterior mean μ(x)) start from a code the encoder chose for that very
// digit; compare their sharpness with the samples'.

// %% id="894441d7"
global::LatentWorkbench.Twins.Twin.Cell(7, 29, "894441d7"); // twin
display(/*twin*/VaeFigures.PriorSamples(vae.Model, seed: seed, title: "Seed VAE: 64 samples from the prior")/*twin*/);

// %% id="1f252cee"
global::LatentWorkbench.Twins.Twin.Cell(8, 29, "1f252cee"); // twin
display(/*twin*/VaeFigures.Reconstructions(vae.Model, mnist.Test, title: "Test digits (top) and the seed VAE's reconstructions")/*twin*/);

// %% [markdown] id="62415444"
// ### Where the test digits sit in the latent space
//
// Each test digit's posterior mean μ(x), reduced to 2 dimensions with PCA, coloured by its label. The VAE was
// never told the labels; look at whether the classes are mixed at random or gathered, and which classes share a
// region. Much of the separation can live in the dimensions a linear projection to two flattens; the 2-latent
// model below has to put everything into the plane it shows. Compare with PCA of the raw pixels in notebook 01.

// %% id="73cab52c"
global::LatentWorkbench.Twins.Twin.Cell(9, 29, "73cab52c"); // twin
display(/*twin*/VaeFigures.PosteriorMeans(vae.Model, mnist.Test, count: Math.Min(seedRecipe.TestCount ?? 5_000, 5_000), title: "Seed VAE: posterior means of the test digits (PCA to 2-D)")/*twin*/);

// %% [markdown] id="1d9d31fd"
// ## A 2-latent VAE and its manifold
//
// With only two latent dimensions there is nothing to project: the means *are* the picture. Two numbers cannot
// describe a digit as well as twenty, so compare its loss with the seed VAE's; but it lets us draw the whole learned
// manifold: decode a grid of z that covers the prior evenly — each coordinate at the quantiles Φ⁻¹(u) of N(0, 1)
// for u equally spaced in (0, 1), as in Kingma & Welling's Figure 4 — and lay the images out on the grid. Look for
// digits morphing into each other along both axes, and for the classes where the scatter puts them.

// %% id="05a91b10"
global::LatentWorkbench.Twins.Twin.Cell(10, 29, "05a91b10"); // twin
var twoLatentRecipe = seedRecipe.WithLatentSize(2);
var twoLatent = VaeExperiment.Run(twoLatentRecipe, mnist, [VaeExperiment.LiveProgress(twoLatentRecipe)], store);
display(/*twin*/twoLatent.Summary/*twin*/);

// %% id="b83e0f8e"
global::LatentWorkbench.Twins.Twin.Cell(11, 29, "b83e0f8e"); // twin
display(/*twin*/VaeFigures.PosteriorMeans(twoLatent.Model, mnist.Test, count: Math.Min(seedRecipe.TestCount ?? 5_000, 5_000), title: "2-latent VAE: posterior means of the test digits")/*twin*/);

// %% id="da0c4d2e"
global::LatentWorkbench.Twins.Twin.Cell(12, 29, "da0c4d2e"); // twin
display(/*twin*/VaeFigures.Manifold(twoLatent.Model, side: 20, title: "2-latent VAE: the decoded manifold on an inverse-CDF grid of N(0, 1)²")/*twin*/);

// %% [markdown] id="9259ccf4"
// ## β: how much the code may cost
//
// The β-VAE (Higgins et al. 2017) weighs the KL term by β. With β > 1 every nat of code is more expensive, so
// the encoder should send less: look for the KL to fall, the reconstruction term to rise, blurrier samples, and
// latent dimensions the model can do without collapsing onto the prior. β < 1 goes the other way. Set `beta`
// in the parameters (with β = 1 this is the seed model itself, loaded from the run store). One β-VAE is trained per
// seed; the comparison table further down sets it beside the seed VAE over the seeds.

// %% id="bad3e501"
global::LatentWorkbench.Twins.Twin.Cell(13, 29, "bad3e501"); // twin
var betaVaes = seeds.ToDictionary(s => s, s => VaeExperiment.Run(recipe with { Seed = s, Variant = new BetaVaeConfig(beta) }, mnist,
    [VaeExperiment.LiveProgress(recipe with { Seed = s, Variant = new BetaVaeConfig(beta) })], store));
var betaVae = betaVaes[seed];
display(/*twin*/betaVae.Summary/*twin*/);

// %% id="0731ae17"
global::LatentWorkbench.Twins.Twin.Cell(14, 29, "0731ae17"); // twin
display(/*twin*/VaeFigures.PriorSamples(betaVae.Model, seed: seed, title: "β-VAE: 64 samples from the prior")/*twin*/);

// %% [markdown] id="451f1f98"
// ## A convolutional VAE beside the MLP
//
// The same objective on a small conv network (two stride-2 3×3 convolutions, 32 and 64 channels, and transposed
// convolutions back). Convolutions share weights across positions, so the network has far fewer weights per
// layer and knows that neighbouring pixels belong together; on a CPU an epoch costs several MLP epochs, so it
// trains for fewer epochs (`VaeExperimentOptions.Defaults(VaeArchitecture.Conv)`). Compare its test −ELBO and
// reconstructions with the MLP's, minding the different number of epochs.

// %% id="b6f2c4bc"
global::LatentWorkbench.Twins.Twin.Cell(15, 29, "b6f2c4bc"); // twin
var convRecipe = seedRecipe with { Architecture = VaeArchitecture.Conv, Training = VaeExperimentOptions.Defaults(VaeArchitecture.Conv).WithBudget(budget).Training };
var conv = VaeExperiment.Run(convRecipe, mnist, [VaeExperiment.LiveProgress(convRecipe)], store);
display(/*twin*/conv.Summary/*twin*/);

// %% id="2c9ac545"
global::LatentWorkbench.Twins.Twin.Cell(16, 29, "2c9ac545"); // twin
display(/*twin*/VaeFigures.Reconstructions(conv.Model, mnist.Test, title: "Test digits (top) and the conv VAE's reconstructions")/*twin*/);

// %% [markdown] id="299609be"
// ## The importance-weighted bound (IWAE)
//
// The IWAE (Burda, Grosse & Salakhutdinov 2016) keeps the network and trains on a tighter bound: draw K codes
// (`iwaeK`) from q(z|x) and average their importance weights p(x, z)/q(z|x) *inside* the log,
// L_K = log (1/K) Σₖ wₖ ≤ log p(x). L_1 is the ELBO; L_K grows with K. The decoder runs on K codes per digit, so
// an epoch costs several MLP epochs. Its training display shows a third term, `weight_divergence`: how far
// the normalised weights are from uniform (0: every sample counts the same; log K: one sample takes all, e.g.
// log 5 ≈ 1.61). One IWAE is trained per seed.

// %% id="9e755c39"
global::LatentWorkbench.Twins.Twin.Cell(17, 29, "9e755c39"); // twin
var iwaes = seeds.ToDictionary(s => s, s => VaeExperiment.Run(recipe with { Seed = s, Variant = new IwaeConfig(iwaeK) }, mnist,
    [VaeExperiment.LiveProgress(recipe with { Seed = s, Variant = new IwaeConfig(iwaeK) })], store));
var iwae = iwaes[seed];
display(/*twin*/iwae.Summary/*twin*/);

// %% [markdown] id="f0d574b8"
// ### Every model on the test digits
//
// The test loss of each model is its negative ELBO on the test digits (with z sampled, as pytorch/examples
// reports it), split into its two terms; the first table lists the first seed's models. Mind the IWAE: trained on
// a different bound, its *ELBO* need not be better than the VAE's — its encoder no longer needs to be a good q(z|x)
// on its own, only a good proposal — which is why the next section measures all models by the same yardstick.

// %% id="a2056179"
global::LatentWorkbench.Twins.Twin.Cell(18, 29, "a2056179"); // twin
display(/*twin*/VaeTables.Comparison([vae, twoLatent, betaVae, conv, iwae], title: "The first seed's models on the test digits")/*twin*/);

// %% [markdown] id="e431aa9b"
// ## Evaluation beyond the ELBO
//
// The ELBO is a *bound*; comparing models by it mixes how good the model p(x) is with how good the encoder's
// guess q(z|x) is. The importance-sampled estimate log p̂(x) = log (1/k) Σᵢ p(x, zᵢ)/q(zᵢ|x), zᵢ ~ q(z|x),
// converges to log p(x) as k grows (at k = 1 it is a one-sample ELBO), so with k = 5000 (Burda et al.'s
// choice, `nllSamples`) it measures the model itself. Read the table for three things: whether the NLL is below the
// −ELBO for both models (the bound is loose by the gap); which model reaches the lower NLL — the better model of the
// digits — and whether that is also the one with the better −ELBO, or the one with the larger gap (a q(z|x) trained on
// a K-sample bound only has to be a good proposal, not a close fit to the true posterior; Rainforth et al. 2018
// discuss this trade); and the standard error over digits, the scale any difference must be read against (both
// models are scored on the same digits, so their difference is far more precise than either number). The estimate
// is taken on a fixed subset of the test digits (the budget cell says how many): the same digits for every model.
// Like the models, the estimates are kept beside the runs' checkpoints in the run store, so a rerun reads them back.

// %% id="24f015d3"
global::LatentWorkbench.Twins.Twin.Cell(19, 29, "24f015d3"); // twin
var vaeLikelihoods = seeds.ToDictionary(s => s, s => VaeLikelihood.Evaluate(vaes[s], mnist.Test, likelihoodOptions, store));
var iwaeLikelihoods = seeds.ToDictionary(s => s, s => VaeLikelihood.Evaluate(iwaes[s], mnist.Test, likelihoodOptions, store));
var vaeLikelihood = vaeLikelihoods[seed];
var iwaeLikelihood = iwaeLikelihoods[seed];
string vaeName = "seed VAE", iwaeName = $"IWAE (K = {iwaeK})";
display(/*twin*/VaeTables.Likelihood([(vaeName, vaeLikelihood), (iwaeName, iwaeLikelihood)], title: "Evaluation beyond the ELBO: importance-sampled NLL (first seed)")/*twin*/);

// %% [markdown] id="5e2b8c40"
// ### The comparisons over seeds
//
// The seed VAE, the β-VAE and the IWAE once per seed: each cell is the mean and standard deviation over the seeds (the
// NLL only for the two models it is estimated for). With one seed the table shows the values alone and the findings
// say that the spread is unknown; rerun with `--set seeds=0,1,2` to see it.

// %% id="7d4f1a93"
global::LatentWorkbench.Twins.Twin.Cell(20, 29, "7d4f1a93"); // twin
var betaName = $"β-VAE (β = {beta})";
var compared = new SeedTable("model");
foreach (var s in seeds)
{
    foreach (var (name, result) in new[] { (vaeName, vaes[s]), (betaName, betaVaes[s]), (iwaeName, iwaes[s]) })
    {
        compared.Add(name, s, "−ELBO", result.TestLossSampled).Add(name, s, "reconstruction", result.TestSampled.Reconstruction).Add(name, s, "KL", result.TestSampled.Kl);
    }

    foreach (var (name, likelihood) in new[] { (vaeName, vaeLikelihoods[s]), (iwaeName, iwaeLikelihoods[s]) })
    {
        compared.Add(name, s, $"NLL (k = {likelihood.Samples})", likelihood.NegativeLogLikelihood).Add(name, s, "−ELBO − NLL", likelihood.ElboGap);
    }
}

display(/*twin*/compared.ToDataFrame(title: "Seed VAE, β-VAE and IWAE over seeds (nats per test digit)", digits: 2)/*twin*/);

// %% id="e9b3d6f2"
global::LatentWorkbench.Twins.Twin.Cell(21, 29, "e9b3d6f2"); // twin
var nllColumn = $"NLL (k = {vaeLikelihood.Samples})";
display(/*twin*/new Findings()
    .Compare("Test KL (nats)", "the " + vaeName, compared[vaeName, "KL"], "the " + betaName, compared[betaName, "KL"], digits: 2)
    .Compare("Test reconstruction (nats)", "the " + vaeName, compared[vaeName, "reconstruction"], "the " + betaName, compared[betaName, "reconstruction"], higherIsBetter: false, digits: 2)
    .Compare("Test −ELBO (nats)", "the " + vaeName, compared[vaeName, "−ELBO"], "the " + iwaeName, compared[iwaeName, "−ELBO"], higherIsBetter: false, digits: 2)
    .Compare(nllColumn, "the " + vaeName, compared[vaeName, nllColumn], "the " + iwaeName, compared[iwaeName, nllColumn], higherIsBetter: false, digits: 2)
    .Compare("The ELBO's gap, −ELBO − NLL", "the " + vaeName, compared[vaeName, "−ELBO − NLL"], "the " + iwaeName, compared[iwaeName, "−ELBO − NLL"], digits: 2)
    .Add(vaeLikelihoods.Values.Concat(iwaeLikelihoods.Values).All(l => l.NegativeLogLikelihood < l.NegativeElbo),
        "For every model and seed the NLL estimate is below the −ELBO on the same digits: the bound is loose.",
        "For some model or seed the NLL estimate is not below the −ELBO: at this k the estimate has not come below the bound.")
    .Add($"Seed {seed}: the conv VAE (epochs: {conv.Epochs.Count}) has a test −ELBO of {conv.TestLossSampled:F2} against the MLP's {vae.TestLossSampled:F2} (epochs: {vae.Epochs.Count}); the 2-latent VAE {twoLatent.TestLossSampled:F2}.")/*twin*/);

// %% [markdown] id="f0ec1dd1"
// ### The estimate tightens as k grows
//
// The same estimate at k = 1, 10, 100, … (each k uses the first k of the same draws): how far below the −ELBO
// the NLL estimate has come. At k = 1 it is a one-sample ELBO (a gap near zero, up to sampling noise); look for the
// gap to grow with every decade of k and to flatten as the estimate closes in on log p(x), and for which model's curve
// climbs higher: its likelihood sits further above its ELBO.

// %% id="88bea768"
global::LatentWorkbench.Twins.Twin.Cell(22, 29, "88bea768"); // twin
display(/*twin*/VaeFigures.LikelihoodGap([(vaeName, vaeLikelihood), (iwaeName, iwaeLikelihood)], title: "How much tighter than the ELBO the estimate gets as k grows (first seed)")/*twin*/);

// %% [markdown] id="f1b560be"
// ### Per digit: reconstruction against KL
//
// The ELBO split per test digit (seed VAE, first seed): each point is one digit, its reconstruction term against its
// KL. Look at which axis varies more from digit to digit, which classes are cheap on both axes (few lit pixels,
// little to say) and which are dear; points far to the right are the digits the model reconstructs worst — often
// oddly written ones; hover to see which. The findings below name the cheapest and the dearest class.

// %% id="d9779482"
global::LatentWorkbench.Twins.Twin.Cell(23, 29, "d9779482"); // twin
display(/*twin*/VaeFigures.ElboSplit(vaeLikelihood.Final, mnist.Test.Labels, title: "Seed VAE, per test digit: reconstruction against KL")/*twin*/);

// %% id="3f8a6c2e"
global::LatentWorkbench.Twins.Twin.Cell(24, 29, "3f8a6c2e"); // twin
var scored = mnist.Test.Labels.narrow(0, 0, vaeLikelihood.TestExamples);
var perClass = Enumerable.Range(0, 10).Where(d => scored.eq(d).any().item<bool>())
    .Select(d => (Digit: d, Reconstruction: vaeLikelihood.Final.Reconstruction.masked_select(scored.eq(d)).mean().item<double>(), Kl: vaeLikelihood.Final.Kl.masked_select(scored.eq(d)).mean().item<double>()))
    .OrderBy(c => c.Reconstruction).ToList();
display(/*twin*/new Findings()
    .Add($"Cheapest class to reconstruct: {perClass[0].Digit}s, {perClass[0].Reconstruction:F1} nats of reconstruction and {perClass[0].Kl:F1} of KL on average; dearest: {perClass[^1].Digit}s, {perClass[^1].Reconstruction:F1} and {perClass[^1].Kl:F1}.")
    .Add($"Across the scored digits the reconstruction term has a standard deviation of {vaeLikelihood.Final.Reconstruction.std().item<double>():F1} nats, the KL {vaeLikelihood.Final.Kl.std().item<double>():F1}.")/*twin*/);

// %% id="098b3818"
global::LatentWorkbench.Twins.Twin.Cell(25, 29, "098b3818"); // twin
// Key numbers, collected by the workbench into metrics.json: the first seed's model, and with several seeds the mean and s.d. of the compared ones
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
Recorded.Value("iwae_k", (long)iwaeK);
Recorded.Value("nll_samples", (long)vaeLikelihood.Samples);
Recorded.Value("nll_test_digits", (long)vaeLikelihood.TestExamples);
Recorded.Value("nll_seconds", vaeLikelihoods.Values.Concat(iwaeLikelihoods.Values).Sum(l => l.Seconds));
Recorded.Value("vae2_test_loss", twoLatent.TestLossSampled);
Recorded.Value("vae2_training_seconds", twoLatent.TrainingSeconds);
Recorded.Value("beta", beta);
Recorded.Value("beta_vae_test_loss", betaVae.TestLossSampled);
Recorded.Value("beta_vae_test_kl", betaVae.TestSampled.Kl);
Recorded.Value("beta_vae_test_reconstruction", betaVae.TestSampled.Reconstruction);
Recorded.Value("conv_vae_test_loss", conv.TestLossSampled);
Recorded.Value("conv_vae_training_seconds", conv.TrainingSeconds);
Recorded.Value("seed_count", (long)seeds.Length);
if (seeds.Length > 1)
{
    foreach (var (name, key) in new[] { (vaeName, "vae"), (betaName, "beta_vae"), (iwaeName, "iwae5") })
    {
        Recorded.Value($"{key}_test_loss_mean", compared[name, "−ELBO"].Mean);
        Recorded.Value($"{key}_test_loss_sd", compared[name, "−ELBO"].StandardDeviation);
    }

    Recorded.Value("vae_nll_mean", compared[vaeName, nllColumn].Mean);
    Recorded.Value("vae_nll_sd", compared[vaeName, nllColumn].StandardDeviation);
    Recorded.Value("iwae5_nll_mean", compared[iwaeName, nllColumn].Mean);
    Recorded.Value("iwae5_nll_sd", compared[iwaeName, nllColumn].StandardDeviation);
}

// %% id="a81c5e07"
global::LatentWorkbench.Twins.Twin.Cell(26, 29, "a81c5e07"); // twin
var trainedModels = vaes.Values.Concat(betaVaes.Values).Concat(iwaes.Values).Append(twoLatent).Append(conv).ToList();
Recorded.Value("models_trained", (long)trainedModels.Count(r => !r.FromCache));
Recorded.Value("models_from_cache", (long)trainedModels.Count(r => r.FromCache));
display(/*twin*/new Findings("What this run trained")
    .Add($"{trainedModels.Count(r => !r.FromCache)} of {trainedModels.Count} models were trained by this run and {trainedModels.Count(r => r.FromCache)} loaded from the run store; of the {vaeLikelihoods.Count + iwaeLikelihoods.Count} likelihood estimates, {vaeLikelihoods.Values.Concat(iwaeLikelihoods.Values).Count(l => !l.FromCache)} were computed and {vaeLikelihoods.Values.Concat(iwaeLikelihoods.Values).Count(l => l.FromCache)} read back.")/*twin*/);

// %% [markdown] id="22775a12"
// ## Few labels: what the codes are worth to a classifier
//
// The VAE learnt its codes from every training digit without a label. If the posterior means $\mu(x)$ gather digits of
// one class, a classifier that knows only a few labels should read the rest from them more easily than from pixels:
// the semi-supervised setting of Kingma et al. (2014). Below, only 100 or 1,000 training digits keep their labels (a
// class-balanced sample drawn once per seed), and a 1-nearest-neighbour classifier labels every test digit from those
// few, in pixel space and in the seed VAE's $\mu$ (each seed's own VAE). Notebook 02 asks the same of PCA and the
// autoencoder. Compare the two rows at 100 labels, then how much each gains from ten times as many.

// %% id="0aefd1a6"
global::LatentWorkbench.Twins.Twin.Cell(27, 29, "0aefd1a6"); // twin
var fewLabels = new SeedTable("representation");
var vaeMu = $"seed VAE μ ({latentSize} dimensions)";
foreach (var s in seeds)
{
    var trainMu = VaeSampling.PosteriorMeans(vaes[s].Model, mnist.Train.Images);
    var testMu = VaeSampling.PosteriorMeans(vaes[s].Model, mnist.Test.Images);
    foreach (int count in new[] { 100, 1_000 })
    {
        string column = $"{count:N0} labels";
        fewLabels.Add("pixels", s, column, FewLabelAccuracy.Evaluate(mnist.Train.Images, mnist.Train.Labels, mnist.Test.Images, mnist.Test.Labels, count, s));
        fewLabels.Add(vaeMu, s, column, FewLabelAccuracy.Evaluate(trainMu, mnist.Train.Labels, testMu, mnist.Test.Labels, count, s));
    }
}

foreach (var (row, key) in new[] { ("pixels", "pixels"), (vaeMu, "vae_mu") })
{
    Recorded.Value($"few_labels_100_{key}", fewLabels[row, "100 labels"].Mean);
    Recorded.Value($"few_labels_1000_{key}", fewLabels[row, "1,000 labels"].Mean);
}

display(/*twin*/fewLabels.ToDataFrame(title: "1-NN accuracy with few labelled training digits, over seeds", digits: 3).WithId("few-labels-table")/*twin*/);

// %% id="7e5165a6"
global::LatentWorkbench.Twins.Twin.Cell(28, 29, "7e5165a6"); // twin
var fewFindings = new Findings("What the few labels show");
foreach (var column in fewLabels.Metrics)
{
    fewFindings.Compare($"1-NN accuracy with {column}", "pixels", fewLabels["pixels", column], "the VAE's μ", fewLabels[vaeMu, column], higherIsBetter: true, digits: 3);
}

display(/*twin*/fewFindings/*twin*/);

// %% [markdown] id="de6a1885"
// ## Exploring the 2-latent VAE's plane
//
// The latent explorer below holds the first `explorerDigits` test digits, each at its posterior mean $\mu(x) \in \mathbb{R}^2$
// under the 2-latent VAE, coloured by label. It runs in the page itself: the decoder's weights travel inside it, so it
// keeps working offline and in the exported HTML.
//
// - **Hover a point**: the digit $x$ beside its reconstruction $\hat{x} = \sigma(f_\theta(\mu(x)))$ (the decoder's logits
//   $f_\theta$ through the logistic $\sigma$), its label, and its nearest neighbours in latent space, the digits $x'$ with the
//   smallest $\lVert \mu(x) - \mu(x') \rVert_2$.
// - **Hover empty space**: the plane's point $z = (z_1, z_2)$ under the cursor is decoded live, $\sigma(f_\theta(z))$ — the
//   manifold figure above made continuous (Kingma & Welling 2014, figure 4).
//
// What to look for: how a decoded digit morphs as the cursor crosses from one class's cloud to the next; whether the
// places between clouds, where the aggregate posterior puts little mass, still decode to digit-like images; and whether
// a point's latent neighbours share its label and its style (slant, thickness) or only its label.

// %% id="1768a41c"
global::LatentWorkbench.Twins.Twin.Cell(29, 29, "1768a41c"); // twin
display(/*twin*/LatentExplorer.Of(twoLatent.Model, mnist.Test, new LatentExplorerOptions { MaxDigits = explorerDigits }).WithId("two-latent-explorer")/*twin*/);

// %% [markdown] id="fef8da45"
// ## What to take away
//
// - The loss of a VAE is two numbers, not one: reconstruction and KL trade against each other, and β sets the
//   exchange rate — the comparison over seeds says by how much at the β of this run.
// - The latent space of a VAE is meant to be *covered*: samples from the prior should decode to digits, and a 2-D
//   grid over the prior to a smooth map of digit shapes.
// - The ELBO is loose by E[KL(q(z|x) ‖ p(z|x))]; the importance-sampled NLL closes the gap as k grows, and it can
//   rank models differently from the ELBO they were trained on — the findings say whether the IWAE is the better
//   model of the digits in this run.
//
// Recorded numbers (in the run's `metrics.json` under this notebook): `vae_test_loss` (the seed VAE's test −ELBO,
// z sampled; pytorch/examples: 105.45), `vae_test_loss_z_mean`, `vae_test_reconstruction`, `vae_test_kl`,
// `vae_training_seconds`; `vae_nll` ± `vae_nll_se` and `vae_nll_neg_elbo` (on `nll_test_digits` test digits at
// k = `nll_samples`), the same three for `iwae5_` (the IWAE at K = `iwae_k`), with `iwae5_test_loss` and
// `iwae5_training_seconds`; `nll_seconds` (every estimate); `vae2_test_loss`, `vae2_training_seconds` (2-latent);
// `beta`, `beta_vae_test_loss`, `beta_vae_test_reconstruction`, `beta_vae_test_kl`; `conv_vae_test_loss`,
// `conv_vae_training_seconds`; `models_trained` and `models_from_cache`; with several seeds, the means and s.d. of
// the compared models (`…_mean`, `…_sd`). These are the first seed's values; the values of a full run on 2 cores are
// in docs/vae-training.md.
//
// Notebook 06 takes up what β hinted at: latent dimensions that collapse onto the prior, and how to keep them.
global::LatentWorkbench.Twins.Twin.End(); // twin

