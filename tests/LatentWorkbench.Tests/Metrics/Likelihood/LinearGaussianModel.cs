using LatentWorkbench.Metrics.Likelihood;
using LatentWorkbench.Models;
using LatentWorkbench.Models.Vaes;
using MathNet.Numerics.LinearAlgebra;
using TorchSharp;

namespace LatentWorkbench.Tests.Metrics.Likelihood;

/// <summary>
/// p(z) = N(0, I), p(x|z) = N(Wz + b, σ²I), so p(x) = N(b, WWᵀ + σ²I) in closed form. W has orthogonal columns
/// (W = Q·diag(s)), so the exact posterior is diagonal: Σ = diag(σ²/(σ² + sⱼ²)), μ = diag(1/(σ² + sⱼ²)) Wᵀ(x − b).
/// The encoder returns it, optionally perturbed (shifted mean, scaled variance). Everything in float64.
/// </summary>
internal sealed class LinearGaussianModel : IVariationalAutoencoder
{
    private readonly Matrix<double> _w;
    private readonly Vector<double> _b;
    private readonly double[] _scales;
    private readonly torch.Tensor _wTensor;
    private readonly torch.Tensor _bTensor;
    private readonly torch.nn.Module _module = torch.nn.Identity();

    public LinearGaussianModel(int inputSize, double[] scales, double sigma, int seed)
    {
        var random = new Random(seed);
        var q = Matrix<double>.Build.Random(inputSize, scales.Length, new MathNet.Numerics.Distributions.Normal(0, 1, random)).QR().Q.SubMatrix(0, inputSize, 0, scales.Length);
        _w = q * Matrix<double>.Build.DenseOfDiagonalArray(scales);
        _b = Vector<double>.Build.Dense(inputSize, i => 0.3 * (i - (inputSize / 2.0)));
        _scales = scales;
        Sigma = sigma;
        _wTensor = torch.tensor(_w.ToRowMajorArray(), [inputSize, scales.Length], dtype: torch.float64);
        _bTensor = torch.tensor(_b.ToArray(), dtype: torch.float64);
    }

    public double Sigma { get; }

    /// <summary>Added to the posterior mean (0: exact).</summary>
    public double MeanShift { get; init; }

    /// <summary>Multiplies the posterior variance (1: exact).</summary>
    public double VarianceScale { get; init; } = 1;

    public int LatentSize => _scales.Length;

    public torch.nn.Module Module => _module;

    public DecoderLogLikelihood GaussianLikelihood => DecoderLogLikelihoods.Gaussian(DecodeLogits, Sigma);

    public GaussianPosterior Encode(torch.Tensor x)
    {
        double s2 = Sigma * Sigma;
        var precisionScale = torch.tensor(_scales.Select(s => 1 / (s2 + (s * s))).ToArray(), dtype: torch.float64);
        var mean = ((x - _bTensor).matmul(_wTensor) * precisionScale) + MeanShift;
        var logVariance = torch.tensor(_scales.Select(s => Math.Log(VarianceScale * s2 / (s2 + (s * s)))).ToArray(), dtype: torch.float64);
        return new GaussianPosterior(mean, logVariance.expand_as(mean));
    }

    /// <summary>The Gaussian decoder's mean Wz + b (not logits: use <see cref="GaussianLikelihood"/>).</summary>
    public torch.Tensor DecodeLogits(torch.Tensor z) => z.matmul(_wTensor.t()) + _bTensor;

    public ModelLoss Loss(torch.Tensor batch) => throw new NotSupportedException("Not trained.");

    /// <summary>Draws n examples x = Wz + b + σε.</summary>
    public Matrix<double> Sample(int n, int seed)
    {
        var normal = new MathNet.Numerics.Distributions.Normal(0, 1, new Random(seed));
        var z = Matrix<double>.Build.Random(n, LatentSize, normal);
        var noise = Matrix<double>.Build.Random(n, _b.Count, normal) * Sigma;
        return (z * _w.Transpose()) + Matrix<double>.Build.Dense(n, _b.Count, (_, j) => _b[j]) + noise;
    }

    /// <summary>log N(x; b, WWᵀ + σ²I) per row, exactly.</summary>
    public double[] ExactLogLikelihood(Matrix<double> x)
    {
        int d = _b.Count;
        var covariance = (_w * _w.Transpose()) + (Matrix<double>.Build.DenseIdentity(d) * (Sigma * Sigma));
        var cholesky = covariance.Cholesky();
        double logDeterminant = cholesky.DeterminantLn;
        return Enumerable.Range(0, x.RowCount).Select(i =>
        {
            var centred = x.Row(i) - _b;
            return -0.5 * ((d * Math.Log(2 * Math.PI)) + logDeterminant + centred.DotProduct(cholesky.Solve(centred)));
        }).ToArray();
    }

    public static torch.Tensor ToTensor(Matrix<double> x) => torch.tensor(x.ToRowMajorArray(), [x.RowCount, x.ColumnCount], dtype: torch.float64);
}
