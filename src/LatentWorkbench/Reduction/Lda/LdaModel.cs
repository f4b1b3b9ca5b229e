using System.Collections.ObjectModel;
using TorchSharp;
using static TorchSharp.torch;

namespace LatentWorkbench.Reduction.Lda;

/// <summary>A fitted <see cref="LdaReducer"/>: the discriminant directions and the data's mean.</summary>
public sealed class LdaModel : IProjection, IDisposable
{
    private readonly Tensor _components;
    private readonly Tensor _mean;

    internal LdaModel(Tensor components, Tensor mean, IReadOnlyList<double> discriminantRatio, int classes)
    {
        _components = components;
        _mean = mean;
        DiscriminantRatio = new ReadOnlyCollection<double>([.. discriminantRatio]);
        Classes = classes;
    }

    /// <summary>The number of directions kept (at most classes − 1).</summary>
    public int ComponentCount => (int)_components.shape[0];

    /// <summary>The number of classes the model was fitted on.</summary>
    public int Classes { get; }

    /// <summary>Each kept direction's share of the between-class separation (its eigenvalue over their sum), largest first.</summary>
    public ReadOnlyCollection<double> DiscriminantRatio { get; }

    /// <summary>The directions as a new float32 tensor [K, D]; each projected axis has unit within-class variance on the training data.</summary>
    public Tensor Components() => _components.clone();

    /// <summary>Projects <paramref name="data"/> (float32 [M, D], any device) to a new float32 CPU tensor [M, K].</summary>
    public Tensor Transform(Tensor data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.dim() != 2 || data.shape[1] != _components.shape[1])
        {
            throw new ArgumentException($"data must have {_components.shape[1]} columns, as the training data; it has shape [{string.Join(", ", data.shape)}].", nameof(data));
        }

        using var scope = NewDisposeScope();
        return (data.detach().to(CPU).to_type(ScalarType.Float32) - _mean).mm(_components.t()).contiguous().MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _components.Dispose();
        _mean.Dispose();
    }
}
