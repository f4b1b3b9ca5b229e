using LatentWorkbench.Tensors;

namespace LatentWorkbench.Optim;

/// <summary>Updates a fixed list of parameters from their gradients; hyperparameters are validated at construction.</summary>
public abstract class Optimizer
{
    /// <summary>Takes the parameters to update (gradients are read from <see cref="Tensor.Grad"/>).</summary>
    protected Optimizer(IEnumerable<Tensor> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = [.. parameters];
        if (Parameters.Count == 0)
        {
            throw new ArgumentException("The optimizer needs at least one parameter.", nameof(parameters));
        }

        LearningRate = learningRate;
    }

    /// <summary>The parameters, in the order given.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The current learning rate (schedules change it between steps).</summary>
    public float LearningRate
    {
        get => _learningRate;
        set => _learningRate = value is > 0f and < float.PositiveInfinity
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), $"The learning rate must be positive and finite; got {value}.");
    }

    private float _learningRate;

    /// <summary>Number of <see cref="Step"/> calls so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters)
        {
            p.ZeroGrad();
        }
    }

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        for (int i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            if (p.Grad is not null)
            {
                Update(i, p.AsSpan(), p.Grad.AsSpan());
            }
        }
    }

    /// <summary>Updates parameter <paramref name="index"/> in place from its gradient.</summary>
    protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient);

    /// <summary>Throws unless <paramref name="value"/> lies in [low, high).</summary>
    protected static float InRange(float value, float low, float high, string name) =>
        value >= low && value < high ? value : throw new ArgumentOutOfRangeException(name, $"{name} must be in [{low}, {high}); got {value}.");
}
