using TorchSharp;

namespace LatentWorkbench.Models;

/// <summary>Any of our models: a torch module with PyTorch state_dict names, trained, saved and moved as one.</summary>
public interface ITorchModel
{
    /// <summary>The module whose parameters are trained, saved and moved between devices.</summary>
    torch.nn.Module Module { get; }
}
