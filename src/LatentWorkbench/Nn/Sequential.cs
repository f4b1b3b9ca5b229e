using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>Applies its modules in order; parameters are named by position (<c>0.weight</c>, <c>2.bias</c>), as in PyTorch.</summary>
public sealed class Sequential : Module
{
    private readonly Module[] _modules;

    /// <summary>Creates the chain.</summary>
    public Sequential(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        _modules = modules;
        for (int i = 0; i < modules.Length; i++)
        {
            RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), modules[i]);
        }
    }

    /// <summary>The modules in order.</summary>
    public IReadOnlyList<Module> Modules => _modules;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var module in _modules)
        {
            x = module.Forward(x);
        }

        return x;
    }
}
