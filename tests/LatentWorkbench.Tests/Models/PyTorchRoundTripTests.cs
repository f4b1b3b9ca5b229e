using System.Diagnostics;
using System.Globalization;
using LatentWorkbench.Data;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Tests.Models;

/// <summary>
/// Weights move both ways between the workbench and PyTorch (Debian's python3-torch, which .ci/run installs):
/// the same state_dict gives the same test loss (z = μ) within 0.01 in both.
/// </summary>
[Collection(MnistCollection.Name)]
public sealed class PyTorchRoundTripTests(MnistFixture mnist)
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public void A_Checkpoint_We_Write_Gives_The_Same_Test_Loss_In_PyTorch()
    {
        using var temp = new TempDirectory();
        torch.manual_seed(0);
        var model = new Vae();
        using (var train = mnist.Data.Train.Take(6000).To(torch.CPU))
        using (var optimizer = new OptimizerOptions().Create(model.parameters()))
        {
            new Trainer(new TrainerOptions { Epochs = 1 }).Fit(model, optimizer, train.Images);
        }

        string checkpoint = temp.File("vae.pt");
        Checkpoint.Save(model, checkpoint);
        double ours = TestLoss(model);

        double theirs = RunPyTorch("load", checkpoint);

        Assert.InRange(theirs - ours, -0.01, 0.01);
        Assert.InRange(ours, 90, 250);
    }

    [Fact]
    public void A_PyTorch_State_Dict_Loads_And_Gives_The_Same_Test_Loss()
    {
        using var temp = new TempDirectory();
        string checkpoint = temp.File("pytorch.pt");
        double theirs = RunPyTorch("save", checkpoint);

        var model = new Vae();
        Checkpoint.Load(model, checkpoint);

        Assert.InRange(TestLoss(model) - theirs, -0.01, 0.01);
    }

    private double TestLoss(Vae model)
    {
        using var test = mnist.Data.Test.To(torch.CPU);
        return VaeEvaluation.NegativeElbo(model, test.Images, 128, null).Loss;
    }

    private static double RunPyTorch(string mode, string checkpoint)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: install Debian's python3-torch (.ci/run does).");
        string script = Path.Combine(AppContext.BaseDirectory, "Models", "pytorch_vae_roundtrip.py");
        var start = new ProcessStartInfo(Python, [script, mode, checkpoint, MnistFixture.Directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["OMP_NUM_THREADS"] = "2";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 {mode} failed ({process.ExitCode}); is python3-torch installed? {stderr.Result}");
        string line = stdout.Split('\n').Single(l => l.StartsWith("loss ", StringComparison.Ordinal));
        return double.Parse(line[5..], CultureInfo.InvariantCulture);
    }
}
