using LatentWorkbench.Common;
using LatentWorkbench.Models.Gans;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Experiments.Gans;

/// <summary>
/// Samples a GAN from the same noise after every epoch (the grid over training), and keeps them beside the run's
/// checkpoint so that a cached run shows them too.
/// </summary>
/// <remarks>File: <c>&lt;checkpoint&gt;.snapshots</c>, int32 epochs, count, pixels, then the float32 pixels epoch by epoch (little-endian).</remarks>
internal sealed class GanSnapshots(Func<Gan> model, int count, long seed) : ITrainingCallback
{
    private readonly List<float[]> _snapshots = [];

    public IReadOnlyList<float[]> Snapshots => _snapshots;

    public bool OnEpochEnd(EpochReport report)
    {
        var gan = model();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        using var noise = new torch.Generator((ulong)seed, gan.parameters().First().device);
        _snapshots.Add(gan.Sample(count, noise).cpu().data<float>().ToArray());
        return true;
    }

    public static string PathFor(string checkpointPath) => checkpointPath + ".snapshots";

    public static void Save(string path, IReadOnlyList<float[]> snapshots, int count, int pixels) => AtomicFile.Write(path, stream =>
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(snapshots.Count);
        writer.Write(count);
        writer.Write(pixels);
        foreach (var snapshot in snapshots)
        {
            foreach (float value in snapshot)
            {
                writer.Write(value);
            }
        }
    });

    public static IReadOnlyList<float[]> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        int epochs = reader.ReadInt32(), count = reader.ReadInt32(), pixels = reader.ReadInt32();
        if (epochs < 0 || count <= 0 || pixels <= 0 || reader.BaseStream.Length != 12 + (4L * epochs * count * pixels))
        {
            throw new InvalidDataException($"GAN snapshot file '{path}' is damaged: its header ({epochs} epochs, {count} samples, {pixels} pixels) does not match its length.");
        }

        var snapshots = new List<float[]>(epochs);
        for (int e = 0; e < epochs; e++)
        {
            var values = new float[count * pixels];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = reader.ReadSingle();
            }

            snapshots.Add(values);
        }

        return snapshots;
    }
}
