using LatentWorkbench.Figures;
using LatentWorkbench.Runs;
using LatentWorkbench.Runs.Comparison;
using LatentWorkbench.Tests.TestUtilities;
using Microsoft.Data.Analysis;

namespace LatentWorkbench.Tests.Runs.Comparison;

public sealed class RunComparisonTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RunStore _store;

    public RunComparisonTests() => _store = RunStore.Open(_temp.File("runs.db"));

    public void Dispose() => _temp.Dispose();

    /// <summary>Records a completed run of <paramref name="family"/> with an MLP-VAE-shaped config and a final train loss.</summary>
    private long Completed(string family, int latent, int hidden, double trainLoss, long seed = 0, double learningRate = 1e-3)
    {
        var config = new { model = new { latent_size = latent, hidden_size = hidden }, optimizer = new { learning_rate = learningRate }, seed, ks = new[] { 2, 10 } };
        using var run = _store.Begin(RunKey.For(family, config), "cpu");
        run.RecordEpoch(1, new Dictionary<string, double> { ["train_loss"] = trainLoss + 50, ["kl"] = 1 });
        run.RecordEpoch(2, new Dictionary<string, double> { ["train_loss"] = trainLoss, ["kl"] = latent });
        string checkpoint = _temp.File($"{family}-{run.RunId}.bin");
        File.WriteAllText(checkpoint, "weights");
        return run.Complete(checkpoint).Id;
    }

    [Fact]
    public void The_Table_Has_One_Row_Per_Completed_Run_With_Family_Id_Time_Code_Version_Dotted_Config_Fields_And_Final_Metrics()
    {
        Completed("vae", latent: 2, hidden: 400, trainLoss: 140);
        Completed("vae", latent: 20, hidden: 400, trainLoss: 105);
        using (var failed = _store.Begin(RunKey.For("vae", new { model = new { latent_size = 5 } }), "cpu"))
        {
            failed.Fail("diverged");
        }

        DataFrame frame = RunComparison.Load(_store, "vae").ToDataFrame();

        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(
            // The canonical config's key order (ordinal), so the columns never depend on how a record declares its properties.
            ["family", "run", "started (UTC)", "code version", "ks", "model.hidden_size", "model.latent_size", "optimizer.learning_rate", "seed", "kl", "train_loss"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal([2L, 20L], frame.Columns["model.latent_size"].Cast<object>().Select(Convert.ToInt64));
        Assert.Equal("[2,10]", frame.Columns["ks"][0]);
        Assert.Equal(0.001, Convert.ToDouble(frame.Columns["optimizer.learning_rate"][0]));
        // The last epoch's metrics, not the first's.
        Assert.Equal([140.0, 105.0], frame.Columns["train_loss"].Cast<object>().Select(Convert.ToDouble));
        Assert.Equal(CodeVersion.Short(CodeVersion.Current), frame.Columns["code version"][0]);
    }

    [Fact]
    public void Only_Varying_Keeps_The_Config_Fields_That_Differ()
    {
        Completed("vae", latent: 2, hidden: 400, trainLoss: 140);
        Completed("vae", latent: 20, hidden: 400, trainLoss: 105);

        var comparison = RunComparison.Load(_store, "vae");

        Assert.Equal(["model.latent_size"], comparison.VaryingFields);
        Assert.Equal(["family", "run", "started (UTC)", "code version", "model.latent_size", "kl", "train_loss"], comparison.ToDataFrame(onlyVarying: true).Columns.Select(c => c.Name));
        Assert.Contains("varying: latent_size", comparison.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Family_Filter_Takes_A_Model_Name_Or_A_Pattern()
    {
        Completed("vae", 2, 400, 140);
        Completed("beta-vae", 2, 400, 150);
        Completed("iwae", 2, 400, 130);

        Assert.Equal(["vae"], RunComparison.Load(_store, "vae").Runs.Select(r => r.Family));
        Assert.Equal(["vae", "beta-vae"], RunComparison.Load(_store, "*vae").Runs.Select(r => r.Family));
        Assert.Equal(3, RunComparison.Load(_store).Runs.Count);
    }

    [Fact]
    public void Where_Keeps_The_Runs_With_The_Values_Given_By_A_Short_Field_Name_And_Compares_Numbers_By_Value()
    {
        Completed("vae", 2, 400, 140);
        Completed("vae", 10, 400, 120);
        Completed("vae", 20, 400, 105, learningRate: 1e-4);

        var comparison = RunComparison.Load(_store, "vae");

        Assert.Equal([2L, 20L], comparison.Where("latent=2,20").Runs.Select(r => (long)r.Config["model.latent_size"]!));
        Assert.Equal([2L, 20L], comparison.Where("model.latent_size", "2.0", "2e1").Runs.Select(r => (long)r.Config["model.latent_size"]!));
        Assert.Equal([20L], comparison.Where("learning_rate=0.0001").Runs.Select(r => (long)r.Config["model.latent_size"]!));
        Assert.Equal(["model.latent_size=2,20", "model.hidden_size=400"], comparison.Where("latent=2,20").Where("hidden=400").Conditions);
    }

    [Fact]
    public void An_Unknown_Field_Names_Itself_And_Lists_The_Fields_That_Exist()
    {
        Completed("vae", 2, 400, 140);
        var comparison = RunComparison.Load(_store, "vae");

        var unknown = Assert.Throws<RunComparisonException>(() => comparison.Where("latnt=2"));
        Assert.Contains("'latnt'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("ks, model.hidden_size, model.latent_size, optimizer.learning_rate, seed", unknown.Message, StringComparison.Ordinal);

        var metric = Assert.Throws<RunComparisonException>(() => comparison.Chart("latent", "test_loss"));
        Assert.Contains("'test_loss'", metric.Message, StringComparison.Ordinal);
        Assert.Contains("kl, train_loss", metric.Message, StringComparison.Ordinal);

        var absent = Assert.Throws<RunComparisonException>(() => comparison.Where("latent=7"));
        Assert.Contains("the values stored are: 2", absent.Message, StringComparison.Ordinal);

        Assert.Throws<RunComparisonException>(() => comparison.Where("latent"));
    }

    [Fact]
    public void A_Name_That_Starts_Several_Fields_Is_Ambiguous_And_Lists_Them()
    {
        var config = new { model = new { size_in = 1, size_out = 2 } };
        using (var run = _store.Begin(RunKey.For("ae", config), "cpu"))
        {
            run.RecordEpoch(1, new Dictionary<string, double> { ["loss"] = 1 });
            string checkpoint = _temp.File("ae.bin");
            File.WriteAllText(checkpoint, "w");
            run.Complete(checkpoint);
        }

        var error = Assert.Throws<RunComparisonException>(() => RunComparison.Load(_store).Where("size=1"));
        Assert.Contains("model.size_in, model.size_out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Chart_Draws_One_Line_Per_Combination_Of_The_Other_Varying_Settings_Named_By_Them()
    {
        Completed("vae", 20, 400, 105);
        Completed("vae", 2, 400, 140);
        Completed("vae", 10, 400, 120);
        Completed("vae", 2, 64, 150);
        long newer = Completed("vae", 2, 64, 148, seed: 0);

        var lines = RunComparison.Load(_store, "vae").Lines("latent", "train_loss");

        // In numeric order of the setting (as text, "400" would sort before "64").
        Assert.Equal(["hidden_size=64", "hidden_size=400"], lines.Select(l => l.Name));
        Assert.Equal([2.0, 10.0, 20.0], lines[1].X);
        Assert.Equal([140.0, 120.0, 105.0], lines[1].Y);
        // The same config trained again: the newest run is drawn.
        Assert.Equal([newer], lines[0].RunIds);
        Assert.Equal([148.0], lines[0].Y);

        string svg = RunComparison.Load(_store, "vae").Chart("latent", "train_loss").ToSvg();
        Assert.Contains("hidden_size=400", svg, StringComparison.Ordinal);
        Assert.Contains("train_loss against latent_size", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Single_Line_Has_No_Name_And_A_Non_Numeric_X_Is_Refused()
    {
        Completed("vae", 2, 400, 140);
        Completed("vae", 20, 400, 105);
        var comparison = RunComparison.Load(_store, "vae");

        Assert.Equal([""], comparison.Lines("latent", "train_loss").Select(l => l.Name));
        var error = Assert.Throws<RunComparisonException>(() => comparison.Chart("ks", "train_loss"));
        Assert.Contains("not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Empty_Store_Gives_An_Honest_No_Runs_Yet_Table_And_Chart_Instead_Of_An_Error()
    {
        var comparison = RunComparison.Load(_store, "vae").Where("latent=2");

        Assert.True(comparison.IsEmpty);
        Assert.StartsWith("No completed runs of 'vae'", comparison.Summary, StringComparison.Ordinal);
        Assert.Contains("the store holds no completed runs", comparison.Summary, StringComparison.Ordinal);
        Assert.Equal(0, comparison.ToDataFrame().Rows.Count);
        Assert.Empty(comparison.Lines("latent", "train_loss"));
        Assert.Contains("No completed runs of", comparison.Chart("latent", "train_loss").ToSvg(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Family_Without_Runs_Says_Which_Families_The_Store_Holds()
    {
        Completed("beta-vae", 2, 400, 150);

        Assert.Contains("the store holds runs of beta-vae", RunComparison.Load(_store, "vae").Summary, StringComparison.Ordinal);
    }
}
