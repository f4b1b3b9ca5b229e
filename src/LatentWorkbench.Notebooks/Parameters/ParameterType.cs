namespace LatentWorkbench.Notebooks.Parameters;

/// <summary>The C# type of a notebook parameter, learned from its declaration in the parameters cell.</summary>
public enum ParameterType
{
    /// <summary>A default that is not a literal of a supported type (it cannot be overridden).</summary>
    Unsupported,

    /// <summary><c>bool</c>: overrides are <c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary><c>int</c>.</summary>
    Int,

    /// <summary><c>long</c> (written with an <c>L</c> suffix).</summary>
    Long,

    /// <summary><c>float</c> (written with an <c>f</c> suffix).</summary>
    Float,

    /// <summary><c>double</c> (written in invariant culture, always with a decimal point or exponent).</summary>
    Double,

    /// <summary><c>decimal</c> (written with an <c>m</c> suffix).</summary>
    Decimal,

    /// <summary><c>string</c> (written as an escaped C# literal).</summary>
    String,

    /// <summary>
    /// An enum, named in the declaration (<c>StudyBudget budget = StudyBudget.Default;</c> or <c>var budget =
    /// StudyBudget.Default;</c>): overrides are member names, case-insensitive (<c>quick</c>), resolved through
    /// <see cref="ParameterEnums"/> when the notebook runs.
    /// </summary>
    Enum,
}
