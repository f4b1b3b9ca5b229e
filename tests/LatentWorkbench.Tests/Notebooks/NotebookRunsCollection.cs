namespace LatentWorkbench.Tests.Notebooks;

/// <summary>
/// Tests that execute notebooks: one collection, so they never run concurrently with each other (a run owns the
/// process's current directory and console writers, which some tests check are restored).
/// </summary>
[CollectionDefinition(Name)]
public sealed class NotebookRunsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Notebook runs";
}
