namespace LatentWorkbench.Models.Vaes;

/// <summary>How the KL weight of a <see cref="KlSchedule"/> moves over training.</summary>
public enum KlScheduleKind
{
    /// <summary>β throughout.</summary>
    Constant,

    /// <summary>0 → β linearly over the warm-up steps, then β (Bowman et al. 2016).</summary>
    LinearWarmup,

    /// <summary>Repeated ramps 0 → β (Fu et al. 2019).</summary>
    Cyclical,
}
