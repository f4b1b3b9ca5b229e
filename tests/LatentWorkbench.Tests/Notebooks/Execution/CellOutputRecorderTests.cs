using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Model;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace LatentWorkbench.Tests.Notebooks.Execution;

/// <summary>How kernel events become nbformat outputs, on hand-made events (the kernel's own behaviour is pinned by the fixture run).</summary>
public sealed class CellOutputRecorderTests
{
    private static readonly SubmitCode Command = new("x");

    [Fact]
    public void Consecutive_Text_On_One_Stream_Is_Merged_And_A_Switch_Starts_A_New_Output()
    {
        var recorder = new CellOutputRecorder();
        recorder.Add(new StandardOutputValueProduced(Command, [new FormattedValue("text/plain", "a\n")]));
        recorder.Add(new StandardOutputValueProduced(Command, [new FormattedValue("text/plain", "b\n")]));
        recorder.Add(new StandardErrorValueProduced(Command, [new FormattedValue("text/plain", "c\n")]));

        var outputs = recorder.ToOutputs(null);

        Assert.Equal(["stdout", "stderr"], outputs.Select(o => o["name"]!.GetValue<string>()));
        Assert.Equal("a\nb\n", IpynbSerializer.JoinLines(outputs[0]["text"]));
    }

    [Fact]
    public void An_Update_With_The_Displayed_Id_Replaces_That_Output_In_Place()
    {
        var recorder = new CellOutputRecorder();
        recorder.Add(new DisplayedValueProduced("draft", Command, [new FormattedValue("text/plain", "draft")], "id-1"));
        recorder.Add(new DisplayedValueProduced("other", Command, [new FormattedValue("text/plain", "other")], "id-2"));
        recorder.Add(new DisplayedValueUpdated("final", "id-1", Command, [new FormattedValue("text/plain", "final")]));

        var outputs = recorder.ToOutputs(null);

        Assert.Equal(["final", "other"], outputs.Select(o => IpynbSerializer.JoinLines(o["data"]!["text/plain"])));
    }

    [Fact]
    public void Return_Values_Are_Display_Data_With_Json_Mime_Types_Kept_As_Json_And_Suppressed_Ones_Dropped()
    {
        var recorder = new CellOutputRecorder();
        recorder.Add(new ReturnValueProduced(1, Command,
        [
            new FormattedValue("application/json", "{\"a\": 1}"),
            new FormattedValue("text/plain", "hidden") { SuppressDisplay = true },
        ]));

        var output = Assert.Single(recorder.ToOutputs(null));

        Assert.Equal("display_data", output["output_type"]!.GetValue<string>());
        Assert.Equal(1, output["data"]!["application/json"]!["a"]!.GetValue<int>());
        Assert.False(output["data"]!.AsObject().ContainsKey("text/plain"));
    }

    [Fact]
    public void Images_Are_Figures_And_Plain_Html_Of_An_Ordinary_Object_Is_Not()
    {
        var recorder = new CellOutputRecorder();
        recorder.Add(new DisplayedValueProduced(new object(), Command, [new FormattedValue("text/html", "<table/>")]));
        recorder.Add(new DisplayedValueProduced(new object(), Command, [new FormattedValue("image/svg+xml", "<svg/>")]));
        recorder.Add(new DisplayedValueProduced(new FixtureFigure("Own formatter", 1), Command, [new FormattedValue("text/html", "<div/>")]));

        Assert.Equal([false, true, true], recorder.Displayed().Select(d => d.IsFigure));
        Assert.Equal("Own formatter", recorder.Displayed()[2].Title);
    }
}
