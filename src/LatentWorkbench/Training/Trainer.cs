using System.Diagnostics;
using LatentWorkbench.Compute;
using LatentWorkbench.Models;
using TorchSharp;

namespace LatentWorkbench.Training;

/// <summary>
/// The one training loop: shuffled mini-batches taken as slices of a device-resident tensor, a disposal scope per
/// step (memory stays flat), optional gradient clipping, a schedule stepped per epoch, a NaN/Inf guard, atomic
/// per-epoch checkpoints and callbacks for progress, metrics and early stopping.
/// </summary>
/// <remarks>
/// Randomness comes from torch's global generator, as in PyTorch scripts: seed it with <c>torch.manual_seed</c>
/// before building the model (the recipes in <c>Experiments/</c> do), and the same seed on the same machine gives
/// the same losses. Each epoch draws one <c>randperm(N)</c> and step <c>s</c> trains on
/// <c>data[perm[s·B : (s+1)·B]]</c> (the last batch may be smaller), like pytorch/examples.
/// </remarks>
public sealed partial class Trainer
{
    private readonly TrainerOptions _options;
    private readonly ITrainingCallback[] _callbacks;

    /// <summary>Creates a trainer; <paramref name="options"/> are validated here.</summary>
    public Trainer(TrainerOptions options, params ITrainingCallback[] callbacks)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _callbacks = callbacks;
    }

    /// <summary>Trains <paramref name="model"/> on <paramref name="data"/> ([N, …], on the model's device); returns one report per finished epoch.</summary>
    /// <exception cref="NonFiniteTrainingException">The loss became NaN or infinite; the weights are those before that step.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the last checkpoint is intact.</exception>
    public IReadOnlyList<EpochReport> Fit(ITrainableModel model, torch.optim.Optimizer optimizer, torch.Tensor data, CancellationToken cancellationToken = default)
        => Fit(model, optimizer, data, null, cancellationToken);

    /// <summary>As <see cref="Fit(ITrainableModel, torch.optim.Optimizer, torch.Tensor, CancellationToken)"/>, stepping <paramref name="schedule"/> after each epoch.</summary>
    public IReadOnlyList<EpochReport> Fit(ITrainableModel model, torch.optim.Optimizer optimizer, torch.Tensor data, torch.optim.lr_scheduler.LRScheduler? schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(optimizer);
        return Run(model.Module, [data], OneOptimizerStep(model.Module, optimizer, (batch, time) => model.Loss(batch[0], time)), [schedule], cancellationToken);
    }

    /// <summary>
    /// Trains a model that learns from labelled examples (a classifier, a conditional VAE) on <paramref name="inputs"/>
    /// ([N, …]) and <paramref name="labels"/> ([N], int64), both on the model's device; each batch takes the same rows of both.
    /// </summary>
    /// <exception cref="ArgumentException">The two tensors have different numbers of rows.</exception>
    public IReadOnlyList<EpochReport> Fit(ILabelledTrainableModel model, torch.optim.Optimizer optimizer, torch.Tensor inputs, torch.Tensor labels, torch.optim.lr_scheduler.LRScheduler? schedule = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.shape.Length == 0 || labels.shape[0] != inputs.shape[0])
        {
            throw new ArgumentException($"labels must have one entry per input row ({inputs.shape[0]}); got shape [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        ArgumentNullException.ThrowIfNull(optimizer);
        return Run(model.Module, [inputs, labels], OneOptimizerStep(model.Module, optimizer, (batch, _) => model.Loss(batch[0], batch[1])), [schedule], cancellationToken);
    }

    // One optimiser step on one batch: the loss (told where training stands), the NaN guard, backward, clipping, step; returns the loss to report.
    private TrainingStep OneOptimizerStep(torch.nn.Module module, torch.optim.Optimizer optimizer, Func<torch.Tensor[], TrainingTime, ModelLoss> batchLoss)
    {
        var parameters = module.parameters().ToArray();
        return (batch, epoch, step, completedSteps) =>
        {
            optimizer.zero_grad();
            var loss = batchLoss(batch, new TrainingTime(completedSteps, epoch));
            return (Minimise(loss, parameters, optimizer, epoch, step), loss.Terms);
        };
    }

    // backward + clip + step on a finite loss; throws (weights untouched by this step) on NaN or ±∞.
    private double Minimise(ModelLoss loss, TorchSharp.Modules.Parameter[] parameters, torch.optim.Optimizer optimizer, int epoch, int step)
    {
        double value = loss.Total.item<float>();
        if (!double.IsFinite(value))
        {
            throw new NonFiniteTrainingException(epoch, step, value, LastCheckpoint(epoch));
        }

        loss.Total.backward();
        if (_options.MaxGradNorm is { } maxNorm)
        {
            torch.nn.utils.clip_grad_norm_(parameters, maxNorm);
        }

        optimizer.step();
        return value;
    }

    private IReadOnlyList<EpochReport> Run(
        torch.nn.Module module, torch.Tensor[] data, TrainingStep trainStep, IReadOnlyList<torch.optim.lr_scheduler.LRScheduler?> schedules, CancellationToken cancellationToken)
    {
        long n = data[0].shape[0];
        if (n == 0)
        {
            throw new ArgumentException("The training data has no examples.", nameof(data));
        }

        int batch = (int)Math.Min(_options.BatchSize, n);
        int steps = (int)((n + batch - 1) / batch);
        var history = new List<EpochReport>(_options.Epochs);
        long globalStep = 0;
        module.train();
        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double total = 0;
            var terms = new Dictionary<string, double>(StringComparer.Ordinal);
            using (var epochScope = torch.NewDisposeScope())
            {
                var order = _options.Shuffle ? torch.randperm(n, device: data[0].device) : torch.arange(n, device: data[0].device);
                for (int step = 1; step <= steps; step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    globalStep++;
                    using (var stepScope = torch.NewDisposeScope())
                    {
                        long start = (long)(step - 1) * batch;
                        var rows = order.narrow(0, start, Math.Min(batch, n - start));
                        var slices = Array.ConvertAll(data, d => d.index_select(0, rows));
                        var (value, stepTerms) = trainStep(slices, epoch, step, globalStep - 1);
                        total += value;
                        foreach (var (name, term) in stepTerms)
                        {
                            terms[name] = terms.GetValueOrDefault(name) + term.item<float>();
                        }

                        var report = new StepReport(epoch, step, steps, globalStep);
                        foreach (var callback in _callbacks)
                        {
                            callback.OnStepEnd(report);
                        }
                    }

                    // After the scope: the step's tensors are gone, and so is every reference to its native scalars.
                    if (globalStep % NativeScalars.StepsBetweenReleases == 0)
                    {
                        NativeScalars.Release();
                    }
                }
            }

            foreach (var schedule in schedules)
            {
                schedule?.step();
            }

            if (_options.CheckpointPath is { } path)
            {
                Checkpoint.Save(module, path);
            }

            var epochTerms = terms.ToDictionary(t => t.Key, t => t.Value / n, StringComparer.Ordinal);
            foreach (var measure in _callbacks.OfType<IEpochMeasure>())
            {
                // Measures taken on the epoch's weights join its terms, so the run store records them with the losses.
                foreach (var (name, value) in measure.Measure(epoch))
                {
                    epochTerms[name] = value;
                }
            }

            // Measures run batches of their own (the collapse monitor's MI draws): release their scalars too.
            NativeScalars.Release();
            module.train();
            var epochReport = new EpochReport(epoch, clock.Elapsed.TotalSeconds, total / n, epochTerms);
            history.Add(epochReport);
            bool goOn = true;
            foreach (var callback in _callbacks)
            {
                goOn &= callback.OnEpochEnd(epochReport);
            }

            if (!goOn)
            {
                break;
            }
        }

        module.eval();
        return history;
    }

    private string? LastCheckpoint(int epoch) => epoch > 1 && _options.CheckpointPath is { } path && File.Exists(path) ? path : null;
}
