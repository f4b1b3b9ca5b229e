using LatentWorkbench.Compute;
using LatentWorkbench.Experiments;
using LatentWorkbench.Notebooks.Parameters;
using TorchSharp;

namespace LatentWorkbench.Twins;

/// <summary>The enums the shipped notebooks' parameters may have (the library's), and the values this machine cannot use; shared by <c>notebooks run</c> and the twins.</summary>
public static class LibraryParameterEnums
{
    /// <summary>The library's public enums; <c>device=cuda</c> is refused before anything runs where libtorch sees no GPU.</summary>
    public static ParameterEnums Instance { get; } = new(typeof(StudyBudget).Assembly.GetExportedTypes(), Unusable);

    private static string? Unusable(Enum value) =>
        value is DeviceChoice.Cuda && !torch.cuda.is_available()
            ? "libtorch sees no CUDA device on this machine (a CPU build of TorchSharp, or no GPU); use auto or cpu."
            : null;
}
