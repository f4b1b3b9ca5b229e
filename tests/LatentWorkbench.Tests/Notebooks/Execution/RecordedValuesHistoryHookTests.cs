using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks.Execution;

[Collection(NotebookRunsCollection.Name)]
public sealed class RecordedValuesHistoryHookTests
{
    private sealed class Collecting : IRecordedValuesHistory
    {
        public List<RecordedRun> Kept { get; } = [];

        public void Keep(RecordedRun run) => Kept.Add(run);
    }

    [Fact]
    public async Task A_Run_Hands_Its_Recorded_Values_Parameters_And_Outcome_To_The_History_Once()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.StageFixture(scratch, "runner-fixture.ipynb");
        var history = new Collecting();

        var result = await new NotebookRunner(new NotebookRunOptions { History = history, Parameters = new Dictionary<string, string> { ["seed"] = "7" } }).RunAsync(path);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var kept = Assert.Single(history.Kept);
        Assert.Equal(Path.GetFullPath(path), kept.NotebookPath);
        Assert.True(JsonNode.DeepEquals(result.Recorded, kept.Recorded));
        Assert.Equal(7, kept.Parameters["seed"]!.GetValue<int>());
        Assert.True(kept.Succeeded);
        Assert.InRange(kept.StartedUtc, DateTime.UtcNow - result.Duration - TimeSpan.FromMinutes(1), DateTime.UtcNow);
    }

    [Fact]
    public async Task A_Run_That_Recorded_Nothing_Adds_Nothing_And_A_Failed_Run_Keeps_What_It_Recorded()
    {
        using var scratch = new TempDirectory();
        var history = new Collecting();
        var runner = new NotebookRunner(new NotebookRunOptions { History = history });

        await runner.RunAsync(NotebookTestFiles.WriteCodeNotebook(scratch.File("plain.ipynb"), "var x = 1;"));
        Assert.Empty(history.Kept);

        NotebookTestFiles.StageFixture(scratch, "runner-fixture.ipynb");
        string failing = NotebookTestFiles.WriteCodeNotebook(scratch.File("failing.ipynb"),
            "#r \"lib/LatentWorkbench.dll\"\nLatentWorkbench.Reporting.Recorded.Value(\"before\", 3);",
            "throw new InvalidOperationException(\"stop\");");
        var result = await runner.RunAsync(failing);

        Assert.False(result.Succeeded);
        var kept = Assert.Single(history.Kept);
        Assert.False(kept.Succeeded);
        Assert.Equal(3, kept.Recorded["before"]!.GetValue<int>());
    }
}
