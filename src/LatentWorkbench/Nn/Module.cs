using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>
/// A layer or model: holds parameters (trainable leaves), buffers (state such as running statistics) and
/// child modules, all registered explicitly by name. Names join with dots, as in PyTorch (<c>fc1.weight</c>).
/// </summary>
public abstract class Module
{
    private readonly List<(string Name, Tensor Tensor)> _parameters = [];
    private readonly List<(string Name, Tensor Tensor)> _buffers = [];
    private readonly List<(string Name, Module Module)> _children = [];

    /// <summary>True in training mode (dropout active, batch norm uses batch statistics), false after <see cref="Eval"/>.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Applies the module to a batch.</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>Every trainable tensor, depth-first in registration order.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Tensor);

    /// <summary>Every trainable tensor with its dotted path.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedParameters() => Walk(string.Empty, buffers: false);

    /// <summary>Parameters and buffers by dotted name: what a checkpoint stores.</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in Walk(string.Empty, buffers: true))
        {
            state[name] = tensor;
        }

        return state;
    }

    /// <summary>Copies values from <paramref name="state"/> into this module's parameters and buffers.</summary>
    /// <param name="state">Tensors by dotted name, e.g. from <see cref="Training.SafeTensors.Load"/>.</param>
    /// <param name="strict">When true, missing and unexpected names are errors.</param>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = StateDict();
        if (strict)
        {
            var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
            var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                throw new ArgumentException($"State dict does not match the module: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}].", nameof(state));
            }
        }

        foreach (var (name, target) in own)
        {
            if (!state.TryGetValue(name, out var source))
            {
                continue;
            }

            if (!ShapeMath.SameShape(source.ShapeArray, target.ShapeArray))
            {
                throw new ArgumentException($"State dict entry '{name}' has shape {ShapeMath.Format(source.ShapeArray)}; the module expects {ShapeMath.Format(target.ShapeArray)}.", nameof(state));
            }

            source.AsSpan().CopyTo(target.AsSpan());
        }
    }

    /// <summary>Switches this module and its children to training mode.</summary>
    public void Train(bool training = true)
    {
        IsTraining = training;
        foreach (var (_, child) in _children)
        {
            child.Train(training);
        }
    }

    /// <summary>Switches to evaluation mode (same as <c>Train(false)</c>).</summary>
    public void Eval() => Train(false);

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters())
        {
            p.ZeroGrad();
        }
    }

    /// <summary>Registers a trainable tensor (marks it as requiring gradients).</summary>
    protected Tensor RegisterParameter(string name, Tensor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.RequiresGrad = true;
        parameter.Name = name;
        _parameters.Add((name, parameter));
        return parameter;
    }

    /// <summary>Registers non-trainable state that belongs in the state dict (running statistics).</summary>
    protected Tensor RegisterBuffer(string name, Tensor buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Name = name;
        _buffers.Add((name, buffer));
        return buffer;
    }

    /// <summary>Registers a child module whose parameters are reported under <c>name.</c>.</summary>
    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        _children.Add((name, module));
        return module;
    }

    private IEnumerable<(string Name, Tensor Tensor)> Walk(string prefix, bool buffers)
    {
        foreach (var (name, tensor) in _parameters)
        {
            yield return (prefix + name, tensor);
        }

        if (buffers)
        {
            foreach (var (name, tensor) in _buffers)
            {
                yield return (prefix + name, tensor);
            }
        }

        foreach (var (name, child) in _children)
        {
            foreach (var item in child.Walk(prefix + name + ".", buffers))
            {
                yield return item;
            }
        }
    }
}
