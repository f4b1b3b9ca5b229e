namespace LatentWorkbench.Notebooks.Parameters;

/// <summary>One variable declared in a notebook's parameters cell.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Type">Its type (explicit, or inferred from a literal initializer of a <c>var</c>).</param>
/// <param name="DefaultSource">The initializer as written in the cell (e.g. <c>42</c>, <c>"adam"</c>).</param>
public sealed record ParameterDeclaration(string Name, ParameterType Type, string DefaultSource);
