namespace LatentWorkbench.Tensors;

/// <summary>Where new tensors get their storage: the active <see cref="TensorScope"/>'s pool, else the heap.</summary>
internal static class TensorStorage
{
    public static Tensor Create(int[] shape, bool clear)
    {
        int length = ShapeMath.ElementCount(shape);
        var scope = TensorScope.Current;
        if (scope is null)
        {
            return new Tensor(new float[length], 0, shape);
        }

        var tensor = new Tensor(scope.Pool.Rent(length, clear), 0, shape, pooled: true);
        scope.Track(tensor);
        return tensor;
    }

    public static Tensor View(Tensor source, int offset, int[] shape)
    {
        var view = new Tensor(source.Buffer, offset, shape);
        TensorScope.Current?.Track(view);
        return view;
    }
}
