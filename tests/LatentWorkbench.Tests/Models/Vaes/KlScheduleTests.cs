using LatentWorkbench.Models.Vaes;

namespace LatentWorkbench.Tests.Models.Vaes;

public sealed class KlScheduleTests
{
    [Fact]
    public void Constant_Weight_Is_Beta_At_Every_Step()
    {
        var schedule = KlSchedule.Constant(0.3);
        Assert.All(new long[] { 0, 1, 1000 }, t => Assert.Equal(0.3, schedule.Weight(t)));
        Assert.Equal(1.0, KlSchedule.Elbo.Weight(7));
    }

    [Fact]
    public void Linear_Warmup_Rises_From_Zero_And_Then_Holds_Beta()
    {
        var schedule = KlSchedule.LinearWarmup(100, beta: 2);
        Assert.Equal(0, schedule.Weight(0));
        Assert.Equal(0.5, schedule.Weight(25), 12);
        Assert.Equal(2, schedule.Weight(100));
        Assert.Equal(2, schedule.Weight(5000));
    }

    [Fact]
    public void Cyclical_Ramps_Over_The_First_Share_Of_Each_Cycle_And_Holds_Beta_After_The_Last()
    {
        // Fu et al.: cycles of 40 steps, rising over the first half (R = ½), two cycles.
        var schedule = KlSchedule.Cyclical(40, cycles: 2, rampFraction: 0.5);
        Assert.Equal(0, schedule.Weight(0));
        Assert.Equal(0.5, schedule.Weight(10), 12);
        Assert.Equal(1, schedule.Weight(20));
        Assert.Equal(1, schedule.Weight(39));
        Assert.Equal(0, schedule.Weight(40));     // the second cycle starts again from 0
        Assert.Equal(0.25, schedule.Weight(45), 12);
        Assert.Equal(1, schedule.Weight(80));     // after the cycles
        Assert.Equal(1, schedule.Weight(81));
    }

    [Fact]
    public void Invalid_Schedules_Name_The_Field()
    {
        Assert.Throws<ArgumentOutOfRangeException>("MaxWeight", () => KlSchedule.Constant(-1).Validate());
        Assert.Throws<ArgumentOutOfRangeException>("RampSteps", () => KlSchedule.LinearWarmup(0).Validate());
        Assert.Throws<ArgumentOutOfRangeException>("RampFraction", () => KlSchedule.Cyclical(10, 2, rampFraction: 0).Validate());
        Assert.Throws<ArgumentOutOfRangeException>("Cycles", () => KlSchedule.Cyclical(10, 0).Validate());
        Assert.Throws<ArgumentOutOfRangeException>("FreeBits", () => new KlRegularization(FreeBits: -0.1).Validate());
    }
}
