using System.Diagnostics;
using LatentWorkbench.Autograd;
using LatentWorkbench.Models;
using LatentWorkbench.Nn;
using LatentWorkbench.Ops;
using LatentWorkbench.Optim;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Training;

/// <summary>
/// Owns the training loop: shuffled mini-batches, loss, backward, NaN/Inf guard, clipping, schedule, optimizer
/// step, per-epoch checkpoints, and callbacks for progress and metrics. Models only define their loss.
/// </summary>
/// <remarks>
/// Each step runs inside a <see cref="TensorScope"/>, so activations and intermediate gradients reuse pooled
/// buffers. Shuffling and sampling noise come from two generators derived from <see cref="TrainerOptions.Seed"/>.
/// </remarks>
public sealed class Trainer
{
    private readonly TrainerOptions _options;
    private readonly IReadOnlyList<ITrainingCallback> _callbacks;

    /// <summary>Creates the loop (options are validated here).</summary>
    public Trainer(TrainerOptions options, params ITrainingCallback[] callbacks)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _callbacks = callbacks ?? [];
    }

    /// <summary>Trains <paramref name="model"/> on the rows of <paramref name="data"/> [N, …].</summary>
    /// <returns>One report per epoch.</returns>
    /// <exception cref="NonFiniteTrainingException">The loss or a gradient became NaN/∞ (weights untouched at that step).</exception>
    public IReadOnlyList<EpochReport> Fit<TModel>(TModel model, Optimizer optimizer, Tensor data, CancellationToken cancellationToken = default)
        where TModel : Module, ILossModel
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Dim(0), batch = _options.BatchSize;
        int stepsPerEpoch = (n + batch - 1) / batch;
        var shuffleRandom = new TensorRandom(_options.Seed);
        var noiseRandom = new TensorRandom(_options.Seed ^ 0x5DEECE66DUL);
        var order = new int[n];
        var parameters = model.NamedParameters().ToArray();
        var history = new List<EpochReport>();
        long globalStep = 0;
        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            InitializeOrder(order, shuffleRandom);
            model.Train();
            double lossSum = 0;
            var clock = Stopwatch.StartNew();
            for (int step = 0; step < stepsPerEpoch; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                globalStep++;
                int start = step * batch, count = Math.Min(batch, n - start);
                double loss = TrainStep(model, optimizer, data, order.AsSpan(start, count), noiseRandom, parameters, globalStep, epoch);
                lossSum += loss;
                var stepReport = new StepReport(epoch, step + 1, stepsPerEpoch, globalStep, loss / count);
                for (int c = 0; c < _callbacks.Count; c++)
                {
                    _callbacks[c].OnStepEnd(stepReport);
                }
            }

            var report = new EpochReport(epoch, clock.Elapsed.TotalSeconds, lossSum / n);
            history.Add(report);
            if (_options.CheckpointPath is { } path)
            {
                SafeTensors.Save(path, model.StateDict(), new Dictionary<string, string> { ["epoch"] = epoch.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            foreach (var callback in _callbacks)
            {
                callback.OnEpochEnd(report);
            }
        }

        return history;
    }

    /// <summary>Mean loss per sample over <paramref name="data"/> in evaluation mode, without gradients.</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">Rows to evaluate, in order.</param>
    /// <param name="batchSize">Rows per forward pass.</param>
    /// <param name="random">Noise for sampled latents; null for the deterministic loss (z = μ).</param>
    public static double Evaluate<TModel>(TModel model, Tensor data, int batchSize, TensorRandom? random)
        where TModel : Module, ILossModel
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        model.Eval();
        double total = 0;
        using (GradMode.NoGrad())
        {
            for (int start = 0; start < data.Dim(0); start += batchSize)
            {
                using var scope = TensorScope.Begin();
                total += model.Loss(Functional.Rows(data, start, Math.Min(batchSize, data.Dim(0) - start)), random).Total.Item();
            }
        }

        return total / data.Dim(0);
    }

    private double TrainStep<TModel>(TModel model, Optimizer optimizer, Tensor data, ReadOnlySpan<int> rows, TensorRandom noise, (string Name, Tensor Tensor)[] parameters, long globalStep, int epoch)
        where TModel : Module, ILossModel
    {
        using var scope = TensorScope.Begin();
        var batch = Functional.IndexRows(data, rows);
        optimizer.ZeroGrad();
        var loss = model.Loss(batch, noise).Total;
        float value = loss.Item();
        if (!float.IsFinite(value))
        {
            throw new NonFiniteTrainingException(globalStep, epoch, "loss", $"value {value}");
        }

        loss.Backward();
        NonFiniteGuard.ThrowIfAnyGradientNotFinite(parameters, globalStep, epoch);
        if (_options.MaxGradNorm is { } maxNorm)
        {
            GradientClipping.ClipGradNorm(optimizer.Parameters, maxNorm);
        }

        _options.Schedule?.Apply(optimizer, (int)(globalStep - 1));
        optimizer.Step();
        return value;
    }

    private void InitializeOrder(int[] order, TensorRandom random)
    {
        if (_options.Shuffle)
        {
            random.Permutation(order);
        }
        else
        {
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }
        }
    }
}
