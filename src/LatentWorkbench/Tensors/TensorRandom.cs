namespace LatentWorkbench.Tensors;

/// <summary>
/// A seeded pseudo-random generator (xoshiro256** seeded through splitmix64) with uniform and normal draws.
/// The same seed gives the same sequence on every machine and runtime.
/// </summary>
/// <remarks>Normals use the Box–Muller transform (both values of each pair are used).</remarks>
public sealed class TensorRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private float _spareNormal;
    private bool _hasSpare;

    /// <summary>Creates a generator from a seed.</summary>
    public TensorRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 24 random bits (every float32 step of 2⁻²⁴).</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>) without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        ulong bound = (ulong)maxExclusive;
        ulong limit = ulong.MaxValue - (ulong.MaxValue % bound);
        ulong r;
        do
        {
            r = NextUInt64();
        }
        while (r >= limit);
        return (int)(r % bound);
    }

    /// <summary>A standard normal draw.</summary>
    public float NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        double u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
        double u2 = NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = (float)(radius * Math.Sin(2 * Math.PI * u2));
        _hasSpare = true;
        return (float)(radius * Math.Cos(2 * Math.PI * u2));
    }

    /// <summary>Fills <paramref name="destination"/> with uniform draws in [low, high).</summary>
    public void FillUniform(Span<float> destination, float low = 0f, float high = 1f)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = low + ((high - low) * NextFloat());
        }
    }

    /// <summary>Fills <paramref name="destination"/> with N(mean, std²) draws.</summary>
    public void FillNormal(Span<float> destination, float mean = 0f, float std = 1f)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = mean + (std * NextNormal());
        }
    }

    /// <summary>Fills <paramref name="indices"/> with a uniformly random permutation of 0..n-1 (Fisher–Yates).</summary>
    public void Permutation(Span<int> indices)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = i;
        }

        for (int i = indices.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
