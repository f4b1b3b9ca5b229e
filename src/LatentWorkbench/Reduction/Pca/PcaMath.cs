using LatentWorkbench.Kernels;
using MathNet.Numerics.LinearAlgebra;

namespace LatentWorkbench.Reduction.Pca;

/// <summary>Steps of <see cref="PcaReducer.Fit(TorchSharp.torch.Tensor)"/>: centring, total variance, covariance, eigendecomposition, signs.</summary>
internal static class PcaMath
{
    /// <summary>Rows per covariance chunk: float32 sums run over at most this many products before moving to float64.</summary>
    internal const int CovarianceChunkRows = 2048;

    /// <summary>Column means, summed in float64 (60k float32 additions would lose ~4 digits).</summary>
    public static double[] ColumnMeans(Matrix data)
    {
        int n = data.Rows, d = data.Cols;
        var sums = new double[d];
        for (int i = 0; i < n; i++)
        {
            var row = data.Values.Slice(i * d, d);
            for (int j = 0; j < d; j++)
            {
                sums[j] += row[j];
            }
        }

        for (int j = 0; j < d; j++)
        {
            sums[j] /= n;
        }

        return sums;
    }

    /// <summary>Xc = X − 1μᵀ as a new float32 array (centring before any product keeps float32 round-off relative to the spread, not the mean).</summary>
    public static float[] Centered(Matrix data, double[] mean)
    {
        int n = data.Rows, d = data.Cols;
        var result = new float[data.Values.Length];
        var meanF = Array.ConvertAll(mean, m => (float)m);
        Parallel.For(0, n, i =>
        {
            var src = data.Values.Slice(i * d, d);
            var dst = result.AsSpan(i * d, d);
            System.Numerics.Tensors.TensorPrimitives.Subtract(src, meanF, dst);
        });
        return result;
    }

    /// <summary>tr(C) = Σ ‖xc‖² / (N − 1), in float64.</summary>
    public static double TotalVariance(float[] centered, int n, int d)
    {
        double total = 0;
        const int chunk = 1 << 14;
        for (int start = 0; start < centered.Length; start += chunk)
        {
            var span = centered.AsSpan(start, Math.Min(chunk, centered.Length - start));
            double part = 0;
            foreach (float v in span)
            {
                part += (double)v * v;
            }

            total += part;
        }

        return total / (n - 1);
    }

    /// <summary>
    /// C = XcᵀXc / (N − 1) in float64, without a centred copy of the data: each chunk of
    /// <see cref="CovarianceChunkRows"/> rows is centred into a small buffer, multiplied by float32 GEMM over the
    /// upper-triangular column blocks only (C is symmetric), and added into a float64 accumulator.
    /// </summary>
    public static double[] Covariance(Matrix data, double[] mean)
    {
        int n = data.Rows, d = data.Cols;
        var covariance = new double[d * d];
        int blockCount = d >= 256 ? 4 : 1;
        int blockSize = (d + blockCount - 1) / blockCount;
        var partial = new float[blockSize * blockSize];
        var chunk = new float[Math.Min(CovarianceChunkRows, n) * d];
        var meanF = Array.ConvertAll(mean, m => (float)m);
        for (int start = 0; start < n; start += CovarianceChunkRows)
        {
            int rows = Math.Min(CovarianceChunkRows, n - start);
            Parallel.For(0, rows, i => System.Numerics.Tensors.TensorPrimitives.Subtract(
                data.Values.Slice((start + i) * d, d), meanF, chunk.AsSpan(i * d, d)));
            for (int bi = 0; bi < blockCount; bi++)
            {
                int i0 = bi * blockSize, iCount = Math.Min(blockSize, d - i0);
                for (int bj = bi; bj < blockCount; bj++)
                {
                    int j0 = bj * blockSize, jCount = Math.Min(blockSize, d - j0);
                    // partial (iCount×jCount) = chunk[:, i0..]ᵀ · chunk[:, j0..]
                    Gemm.Sgemm(true, false, iCount, jCount, rows, 1f, chunk.AsSpan(i0), d, chunk.AsSpan(j0), d, 0f, partial, jCount);
                    for (int i = 0; i < iCount; i++)
                    {
                        var covRow = covariance.AsSpan(((i0 + i) * d) + j0, jCount);
                        var partRow = partial.AsSpan(i * jCount, jCount);
                        for (int j = 0; j < jCount; j++)
                        {
                            covRow[j] += partRow[j];
                        }
                    }
                }
            }
        }

        double scale = 1.0 / (n - 1);
        for (int i = 0; i < d; i++)
        {
            for (int j = i; j < d; j++)
            {
                double v = covariance[(i * d) + j] * scale;
                covariance[(i * d) + j] = v;
                covariance[(j * d) + i] = v;
            }
        }

        return covariance;
    }

    /// <summary>tr(C), the total variance.</summary>
    public static double Trace(double[] covariance, int d)
    {
        double total = 0;
        for (int i = 0; i < d; i++)
        {
            total += covariance[(i * d) + i];
        }

        return total;
    }

    /// <summary>Every eigenpair of the covariance, variances descending (float64 symmetric eigendecomposition).</summary>
    public static PcaSpectrum ExactSpectrum(double[] covariance, int n, int d)
    {
        // Row-major symmetric = column-major symmetric: no transpose needed.
        var matrix = Matrix<double>.Build.Dense(d, d, covariance);
        var evd = matrix.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues;
        var vectors = evd.EigenVectors;
        var order = Enumerable.Range(0, d).OrderByDescending(i => values[i].Real).ThenBy(i => i).ToArray();
        int count = Math.Min(n, d);
        var variances = new double[count];
        var rows = new float[count * d];
        for (int k = 0; k < count; k++)
        {
            int source = order[k];
            variances[k] = Math.Max(values[source].Real, 0);
            for (int j = 0; j < d; j++)
            {
                rows[(k * d) + j] = (float)vectors[j, source];
            }
        }

        return new PcaSpectrum(variances, rows, d);
    }

    /// <summary>The fewest components whose ratios sum to more than <paramref name="fraction"/> (scikit-learn's rule).</summary>
    public static int ComponentsForVariance(double[] variances, double totalVariance, double fraction)
    {
        double cumulative = 0;
        for (int k = 0; k < variances.Length; k++)
        {
            cumulative += variances[k] / totalVariance;
            if (cumulative > fraction)
            {
                return k + 1;
            }
        }

        return variances.Length;
    }

    /// <summary>Makes the entry of largest magnitude of each row positive (scikit-learn's svd_flip on components).</summary>
    public static void FlipSigns(float[] vectors, int count, int d)
    {
        for (int k = 0; k < count; k++)
        {
            var row = vectors.AsSpan(k * d, d);
            int best = 0;
            for (int j = 1; j < d; j++)
            {
                if (Math.Abs(row[j]) > Math.Abs(row[best]))
                {
                    best = j;
                }
            }

            if (row[best] < 0)
            {
                System.Numerics.Tensors.TensorPrimitives.Negate(row, row);
            }
        }
    }
}
