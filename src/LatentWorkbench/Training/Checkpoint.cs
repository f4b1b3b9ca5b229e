using LatentWorkbench.Common;
using TorchSharp;

namespace LatentWorkbench.Training;

/// <summary>
/// Weights on disk as a PyTorch <c>state_dict</c> pickle (TorchSharp.PyBridge), so <c>torch.load</c> +
/// <c>load_state_dict</c> read them in Python and a PyTorch <c>torch.save(model.state_dict())</c> loads here.
/// </summary>
/// <remarks>PyBridge is reached through <see cref="StateDictPickle"/>, so checkpoints work in notebook kernels too.</remarks>
public static class Checkpoint
{
    /// <summary>Saves <paramref name="module"/>'s parameters and buffers to <paramref name="path"/> atomically (temp file + rename).</summary>
    public static void Save(torch.nn.Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        AtomicFile.Write(path, stream => StateDictPickle.Save(module, stream));
    }

    /// <summary>Loads <paramref name="path"/> into <paramref name="module"/>; names and shapes must match exactly.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a state_dict this module can take; the message names the file.</exception>
    public static void Load(torch.nn.Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Checkpoint '{path}' does not exist.", path);
        }

        try
        {
            using var stream = File.OpenRead(path);
            StateDictPickle.Load(module, stream, strict: true);
        }
        catch (Exception e) when (e is not FileNotFoundException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"Checkpoint '{path}' could not be loaded into {module.GetName()}: {e.Message}", e);
        }
    }
}
