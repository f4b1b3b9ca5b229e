namespace LatentWorkbench.Tests.Models;

/// <summary>Tests that assert on torch's global generator run alone: other test classes run in parallel and draw from it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalTorchGeneratorCollection
{
    public const string Name = "torch global generator";
}
