using System.Runtime.Intrinsics;

namespace LatentWorkbench.Kernels;

/// <summary>
/// A growable list of Barnes–Hut interactions (x, y, weight count) for one group of points, summed with Vector256.
/// </summary>
/// <remarks>
/// Lane layout: entries t, t + 4, t + 8, … go to lane t mod 4; the list is padded to a multiple of 4 with count-0
/// entries at the origin (they add exactly 0), and the four lanes are added in a fixed order, so a point's sums do not
/// depend on the thread that computes them.
/// </remarks>
internal sealed class InteractionList
{
    private double[] _x = new double[256];
    private double[] _y = new double[256];
    private double[] _count = new double[256];

    /// <summary>Appends one interaction at <paramref name="length"/> (growing the arrays) and advances it.</summary>
    public void Add(ref int length, double x, double y, double count)
    {
        if (length + 4 > _x.Length)
        {
            Array.Resize(ref _x, _x.Length * 2);
            Array.Resize(ref _y, _y.Length * 2);
            Array.Resize(ref _count, _count.Length * 2);
        }

        _x[length] = x;
        _y[length] = y;
        _count[length] = count;
        length++;
    }

    /// <summary>Pads the first <paramref name="length"/> entries to a multiple of 4; returns the padded length.</summary>
    public int Pad(int length)
    {
        int padded = (length + 3) & ~3;
        for (int t = length; t < padded; t++)
        {
            _x[t] = 0;
            _y[t] = 0;
            _count[t] = 0;
        }

        return padded;
    }

    /// <summary>Σ c·w and Σ c·w²·(p − q) over the first <paramref name="padded"/> entries q for the point p = (x, y).</summary>
    public double Sum(int padded, double x, double y, out double forceX, out double forceY)
    {
        Vector256<double> px = Vector256.Create(x), py = Vector256.Create(y), one = Vector256.Create(1.0);
        Vector256<double> z = Vector256<double>.Zero, fx = Vector256<double>.Zero, fy = Vector256<double>.Zero;
        double[] xs = _x, ys = _y, counts = _count;
        for (int t = 0; t + 4 <= padded; t += 4)
        {
            Vector256<double> dx = px - Vector256.LoadUnsafe(ref xs[0], (nuint)t);
            Vector256<double> dy = py - Vector256.LoadUnsafe(ref ys[0], (nuint)t);
            Vector256<double> w = one / (one + (dx * dx) + (dy * dy));
            Vector256<double> cw = Vector256.LoadUnsafe(ref counts[0], (nuint)t) * w;
            z += cw;
            Vector256<double> cww = cw * w;
            fx += cww * dx;
            fy += cww * dy;
        }

        forceX = Horizontal(fx);
        forceY = Horizontal(fy);
        return Horizontal(z);
    }

    private static double Horizontal(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
}
