using LatentWorkbench.Common;
using LatentWorkbench.Compute;
using LatentWorkbench.Models.Gans;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Experiments.Gans;

/// <summary>
/// Samples a GAN from the same noise after every epoch (the grid over training), and keeps them beside the run's
/// checkpoint so that a cached run shows them too.
/// </summary>
/// <remarks>
/// Each snapshot is a float32 CPU tensor [count, pixels], like every other image batch of the library. File:
/// <c>&lt;checkpoint&gt;.snapshots</c>, int32 epochs, count, pixels, then the float32 pixels epoch by epoch, row-major
/// (little-endian): the format runs in existing run stores were saved in, so it stays as it is.
/// </remarks>
internal sealed class GanSnapshots(Func<Gan> model, int count, long seed) : ITrainingCallback
{
    private const int HeaderBytes = 3 * sizeof(int);

    private readonly List<torch.Tensor> _snapshots = [];

    /// <summary>One [count, pixels] tensor per epoch so far.</summary>
    public IReadOnlyList<torch.Tensor> Snapshots => _snapshots;

    public bool OnEpochEnd(EpochReport report)
    {
        var gan = model();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        using var noise = new torch.Generator((ulong)seed, gan.parameters().First().device);
        // Detached: the snapshot outlives this scope and any scope the trainer calls callbacks in.
        _snapshots.Add(gan.Sample(count, noise).cpu().DetachFromDisposeScope());
        return true;
    }

    public static string PathFor(string checkpointPath) => checkpointPath + ".snapshots";

    /// <summary>Writes <paramref name="snapshots"/>, each [<paramref name="count"/>, <paramref name="pixels"/>], to <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">A snapshot of another shape.</exception>
    public static void Save(string path, IReadOnlyList<torch.Tensor> snapshots, int count, int pixels)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        for (int e = 0; e < snapshots.Count; e++)
        {
            if (snapshots[e].dim() != 2 || snapshots[e].shape[0] != count || snapshots[e].shape[1] != pixels)
            {
                throw new ArgumentException(
                    $"snapshots[{e}] must be [{count}, {pixels}]; got [{string.Join(", ", snapshots[e].shape)}].", nameof(snapshots));
            }
        }

        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(snapshots.Count);
            writer.Write(count);
            writer.Write(pixels);
            foreach (var snapshot in snapshots)
            {
                using var host = TensorSpans.OnHost(snapshot, nameof(snapshots));
                foreach (float value in TensorSpans.Floats(host))
                {
                    writer.Write(value);
                }
            }
        });
    }

    /// <summary>The snapshots saved at <paramref name="path"/>, each a float32 CPU tensor [count, pixels]; none when there is no file.</summary>
    /// <exception cref="InvalidDataException">The header does not match the file's length.</exception>
    public static IReadOnlyList<torch.Tensor> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        int epochs = reader.ReadInt32(), count = reader.ReadInt32(), pixels = reader.ReadInt32();
        if (epochs < 0 || count <= 0 || pixels <= 0 || reader.BaseStream.Length != HeaderBytes + (4L * epochs * count * pixels))
        {
            throw new InvalidDataException($"GAN snapshot file '{path}' is damaged: its header ({epochs} epochs, {count} samples, {pixels} pixels) does not match its length.");
        }

        var snapshots = new List<torch.Tensor>(epochs);
        for (int e = 0; e < epochs; e++)
        {
            var values = new float[count * pixels];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = reader.ReadSingle();
            }

            snapshots.Add(torch.tensor(values, [count, pixels]));
        }

        return snapshots;
    }
}
