// 07-your-runs.cs: the twin of 07-your-runs.ipynb, a .NET 10 file-based program that runs it without a notebook kernel.
// Written by `workbench notebooks pair`; after editing either file, pair again (`notebooks pair --to ipynb` takes this file's edits back).
// Run: dotnet run notebooks/07-your-runs.cs -- [--quick] [--set name=value]... [--out DIR]
// Lines ending in "// twin", and display(/*twin*/ … /*twin*/); around a cell's last value, are the twin's own.
#:property PublishAot=false
#:property TreatWarningsAsErrors=false

// %% [markdown] id="46718331"
// # 07 · Your runs, side by side
//
// Every model the notebooks and `workbench train` train goes into the run store (`data/runs/runs.db`, or the file
// the environment variable `LATENTWORKBENCH_RUNS` names), keyed by its whole configuration. Rerunning a notebook
// with other hyperparameters therefore never throws the earlier models away: they pile up in the store. This
// notebook lays them side by side — a table of every completed run of one model family with the hyperparameters
// that differ between them, a chart of one final metric against one hyperparameter, and the values each notebook
// run recorded, run after run.
//
// It trains nothing and only reads the store, so it takes seconds; on an empty store it says so instead of failing.

// %% id="0ab4ab90"
#:project ../src/LatentWorkbench.Twins/LatentWorkbench.Twins.csproj
using LatentWorkbench.Figures;
using LatentWorkbench.Reporting;
using LatentWorkbench.Runs;
using LatentWorkbench.Runs.Comparison;
using static LatentWorkbench.Twins.TwinDisplay; // twin
global::LatentWorkbench.Twins.Twin.Start(args); // twin

// %% [markdown] id="65d1b094"
// ## Parameters
//
// `family` is the model name the runs are stored under: `vae` is the seed VAE's family (the MLP network on the plain
// ELBO); `beta-vae`, `iwae`, `conv-vae` and the others are stored under their own names, and a `*` matches any text
// (`*vae*`); `runs list` of the workbench CLI shows what the store holds. `x` is the hyperparameter on the chart's horizontal
// axis, a configuration field named by its dotted name (`model.latent_size`), its last part (`latent_size`) or a unique
// start of it (`latent`). `y` is a final metric, the last epoch's value (the VAEs record `train_loss`,
// `reconstruction`, `kl` and `seconds`). A name that does not exist is an error that lists the ones that do.
// `notebook` picks whose recorded values the last table shows. This notebook trains nothing, so it has no `budget` or `seed`. Rerun with other values, e.g.
// `dotnet run --project src/LatentWorkbench.Cli -c Release -- notebooks run notebooks/07-your-runs.ipynb --set x=hidden --set y=kl`
// (or its twin: `dotnet run notebooks/07-your-runs.cs -- --set x=hidden --set y=kl`).

// %% id="4f17c7d0" tags=["parameters"]
global::LatentWorkbench.Twins.Twin.Cell(2, 5, "4f17c7d0"); // twin
var family = "vae";
var x = "latent";
var y = "train_loss";
var notebook = "03-vae-training";
family = global::LatentWorkbench.Twins.Twin.Parameter(nameof(family), family); // twin
x = global::LatentWorkbench.Twins.Twin.Parameter(nameof(x), x); // twin
y = global::LatentWorkbench.Twins.Twin.Parameter(nameof(y), y); // twin
notebook = global::LatentWorkbench.Twins.Twin.Parameter(nameof(notebook), notebook); // twin

// %% [markdown] id="46793d44"
// ## The runs
//
// One row per completed run of the family: its id in the store, when it started, the code version that trained it,
// every configuration field that is not the same in all of them, and every final metric. The fields they share are
// left out here (`runs.ToDataFrame()` has them all, as does `workbench runs compare --csv table.csv`). The title says
// how many runs there are and which fields vary. Two rows that differ in more than one field are not a clean
// comparison of either: the chart below keeps them on separate lines.

// %% id="949d584b"
global::LatentWorkbench.Twins.Twin.Cell(3, 5, "949d584b"); // twin
var store = RunStore.Open();
var runs = RunComparison.Load(store, family);
Recorded.Value("compared_runs", runs.Runs.Count);
display(/*twin*/runs.ToDataFrame(onlyVarying: true).WithId("runs")/*twin*/);

// %% [markdown] id="e4cfa59f"
// ## A metric against a hyperparameter
//
// `x` runs along the horizontal axis and the final `y` up the vertical one. Each line joins the runs that agree on
// every *other* setting that varies, and its legend entry names those settings; when the runs differ in `x` alone
// there is one unnamed line. A lone point is a combination trained at one `x` only. Where the same configuration was
// trained more than once, the newest run is the point.
//
// What to look for: whether `y` keeps changing as `x` grows or levels off, whether the lines keep their order (a
// setting that helps at every `x`) or cross (one whose effect depends on `x`). These metrics are measured on the
// training digits during the last epoch, so they compare fits, not generalisation, and only runs trained for the same
// epochs on the same data are on equal terms: the `data` and `training.epochs` fields put other runs on lines of their
// own.

// %% id="56903f88"
global::LatentWorkbench.Twins.Twin.Cell(4, 5, "56903f88"); // twin
display(/*twin*/runs.Chart(x, y).WithId("metric-against-hyperparameter")/*twin*/);

// %% [markdown] id="5706bae3"
// ## Recorded values, run after run
//
// Each run of a notebook through `workbench notebooks run` or `workbench run` writes its key numbers to
// `metrics.json` in the output folder, which the next run replaces, and also adds them to the run store with the
// time, the parameters the run overrode and the code version. The table lists the runs of `notebook`, oldest first,
// one column per recorded value: the `parameters` column says what each run changed, so a rerun with `--set seed=1`
// sits next to the run with the defaults (an empty `parameters` cell). `workbench runs history --notebook 03` prints
// the same table in a terminal.

// %% id="0ef92e76"
global::LatentWorkbench.Twins.Twin.Cell(5, 5, "0ef92e76"); // twin
display(/*twin*/RecordedValuesHistory.Load(store, notebook).WithId("recorded-values-history")/*twin*/);

// %% [markdown] id="4de4bf02"
// ## Making more runs
//
// The store fills as you train; rerun this notebook afterwards to see the new runs beside the old ones.
//
// - A notebook with other parameters: `workbench notebooks run notebooks/03-vae-training.ipynb --set seed=1`. Every
//   model it trains lands in the store, and the same parameters again reuse the stored models instead of training.
// - Single models from the command line, e.g. the seed VAE at three latent sizes, one epoch each:
//   `workbench train vae --latent 2 --epochs 1`, then `--latent 10` and `--latent 20`.
// - The same comparison without a notebook, filtered and saved for a report:
//   `workbench runs compare --family vae --x latent --y train_loss --where epochs=1 --out latent.svg --csv runs.csv`.
global::LatentWorkbench.Twins.Twin.End(); // twin

