namespace LatentWorkbench.Notebooks.Parameters;

/// <summary>One variable declared in a notebook's parameters cell.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Type">Its type, or its elements' type when <paramref name="IsArray"/> (explicit, or inferred from a literal initializer of a <c>var</c>).</param>
/// <param name="DefaultSource">The initializer as written in the cell (e.g. <c>42</c>, <c>"adam"</c>, <c>[2, 10, 30]</c>).</param>
/// <param name="IsArray">True for a one-dimensional array (<c>int[] ks = [2, 10, 30];</c>): an override is a list of <paramref name="Type"/>.</param>
/// <param name="TypeName">For <see cref="ParameterType.Enum"/>, the enum's name as the cell spells it (<c>StudyBudget</c>, <c>LatentWorkbench.Experiments.StudyBudget</c>); otherwise null.</param>
/// <param name="IsNullable">True for a nullable scalar (<c>int? epochs = null;</c>, typically "the budget's value unless given"): an override may also be <c>null</c>.</param>
public sealed record ParameterDeclaration(string Name, ParameterType Type, string DefaultSource, bool IsArray = false, string? TypeName = null, bool IsNullable = false);
