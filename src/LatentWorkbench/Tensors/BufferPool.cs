namespace LatentWorkbench.Tensors;

/// <summary>
/// Free lists of float arrays keyed by exact length. A training step asks for the same lengths every
/// time, so after the first step every request is served from here and the step allocates no arrays.
/// </summary>
internal sealed class BufferPool
{
    private readonly Dictionary<int, Stack<float[]>> _free = [];

    public float[] Rent(int length, bool clear)
    {
        if (_free.TryGetValue(length, out var stack) && stack.TryPop(out var buffer))
        {
            if (clear)
            {
                Array.Clear(buffer);
            }

            return buffer;
        }

        return new float[length];
    }

    public void Return(float[] buffer)
    {
        if (!_free.TryGetValue(buffer.Length, out var stack))
        {
            stack = new Stack<float[]>();
            _free[buffer.Length] = stack;
        }

        stack.Push(buffer);
    }

    /// <summary>Drops every pooled array (for long-lived processes that change batch shapes).</summary>
    public void Clear() => _free.Clear();
}
