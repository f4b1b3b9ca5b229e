namespace LatentWorkbench.Reduction.Tsne;

/// <summary>What a <see cref="TsneCallback"/> asks the optimizer to do next.</summary>
public enum TsneDecision
{
    /// <summary>Keep optimizing.</summary>
    Continue,

    /// <summary>Stop now; the embedding so far is returned.</summary>
    Stop,
}

/// <summary>A snapshot of an optimization run, passed to the callback.</summary>
/// <param name="Iteration">Iterations done so far in the whole run (both phases).</param>
/// <param name="TotalIterations">Iterations planned for the whole run.</param>
/// <param name="Exaggeration">The exaggeration α of the current phase (1 = none).</param>
/// <param name="KlDivergence">KL(P ‖ Q) of the current embedding with the unexaggerated P.</param>
/// <param name="GradientNorm">‖∂C/∂Y‖ at the last step.</param>
/// <param name="Elapsed">Wall time since the phase started.</param>
public sealed record TsneProgress(int Iteration, int TotalIterations, double Exaggeration, double KlDivergence, double GradientNorm, TimeSpan Elapsed);

/// <summary>Called every <see cref="TsneOptions.CallbackEvery"/> iterations; return <see cref="TsneDecision.Stop"/> to end the run early.</summary>
public delegate TsneDecision TsneCallback(TsneProgress progress);
