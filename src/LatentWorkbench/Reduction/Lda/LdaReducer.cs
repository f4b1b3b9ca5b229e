using LatentWorkbench.Compute;
using TorchSharp;
using static TorchSharp.torch;

namespace LatentWorkbench.Reduction.Lda;

/// <summary>
/// Fisher's linear discriminant analysis (Fisher 1936; Rao 1948 for several classes): the linear projection that
/// separates labelled classes best, beside PCA's (the directions of most variance, labels unseen) and an
/// autoencoder's (unsupervised, non-linear).
/// </summary>
/// <remarks>
/// With the within-class scatter S_w = Σ_c Σ_{i∈c} (x_i − μ_c)(x_i − μ_c)ᵀ / N and the between-class scatter
/// S_b = Σ_c (n_c / N)(μ_c − μ)(μ_c − μ)ᵀ, the directions a maximise the Rayleigh quotient aᵀS_b a / aᵀS_w a: the
/// generalized eigenvectors of S_b a = λ S_w a, at most C − 1 of them. Solved by whitening S_w (its eigendecomposition,
/// with a small ridge), an eigendecomposition of the whitened S_b, and mapping back, in float64, so the directions
/// satisfy AᵀS_w A = I (each projected axis has unit within-class variance) as scikit-learn's eigen solver does.
/// </remarks>
/// <param name="options">The options, validated in <see cref="Fit"/>.</param>
public sealed class LdaReducer(LdaOptions options)
{
    /// <summary>The options.</summary>
    public LdaOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Learns the discriminant directions of <paramref name="data"/> (float32 [N, D]) labelled by <paramref name="labels"/> (integer [N], at least two classes).</summary>
    /// <exception cref="ArgumentException">Invalid options or data; the message names which.</exception>
    public LdaModel Fit(Tensor data, Tensor labels)
    {
        Options.Validate();
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        if (data.dim() != 2 || data.shape[0] < 2)
        {
            throw new ArgumentException($"data must be an N×D matrix with at least two rows; it has shape [{string.Join(", ", data.shape)}].", nameof(data));
        }

        if (labels.dim() != 1 || labels.shape[0] != data.shape[0])
        {
            throw new ArgumentException($"labels must hold one class per row of data ({data.shape[0]}); it has shape [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        using var scope = NewDisposeScope();
        var x = data.detach().to(CPU).to_type(ScalarType.Float64);
        if (!x.isfinite().all().item<bool>())
        {
            throw new ArgumentException("data holds NaN or infinite values; expected only finite values.", nameof(data));
        }

        var y = labels.to(CPU).to_type(ScalarType.Int64);
        var classes = y.unique(sorted: true).output;
        long classCount = classes.shape[0];
        if (classCount < 2)
        {
            throw new ArgumentException("LDA needs at least two classes in labels.", nameof(labels));
        }

        long n = x.shape[0], d = x.shape[1];
        int components = (int)Math.Min(classCount - 1, Options.Components ?? long.MaxValue);
        var mean = x.mean([0]);
        var within = zeros(d, d, ScalarType.Float64);
        var between = zeros(d, d, ScalarType.Float64);
        foreach (long c in classes.data<long>().ToArray())
        {
            var members = x[y.eq(c)];
            var classMean = members.mean([0]);
            var centred = members - classMean;
            within.add_(centred.t().mm(centred));
            var offset = (classMean - mean).unsqueeze(1);
            between.add_(offset.mm(offset.t()).mul(members.shape[0]));
        }

        within.div_(n);
        between.div_(n);
        double ridge = Options.Shrinkage * within.trace().item<double>() / d;
        within.add_(eye(d, dtype: ScalarType.Float64).mul(ridge));

        // S_w = U diag(s) Uᵀ → W = U diag(s^-1/2) Uᵀ; the eigenvectors V of W S_b W give the directions A = W V.
        var (s, u) = linalg.eigh(within);
        var whiten = u.mm(diag(s.rsqrt())).mm(u.t());
        var (values, vectors) = linalg.eigh(whiten.mm(between).mm(whiten));
        var order = values.argsort(descending: true)[..components];
        var directions = whiten.mm(vectors.index_select(1, order));

        // A deterministic sign: each direction's largest-magnitude weight is positive.
        var largest = directions.abs().argmax(0);
        var signs = directions.gather(0, largest.unsqueeze(0)).sign();
        directions = directions.mul(signs);

        var eigenvalues = values.index_select(0, order).clamp_min(0);
        double total = values.clamp_min(0).sum().item<double>();
        return new LdaModel(
            directions.t().to_type(ScalarType.Float32).contiguous().MoveToOuterDisposeScope(),
            mean.to_type(ScalarType.Float32).MoveToOuterDisposeScope(),
            [.. eigenvalues.data<double>().ToArray().Select(v => total > 0 ? v / total : 0)],
            (int)classCount);
    }
}
