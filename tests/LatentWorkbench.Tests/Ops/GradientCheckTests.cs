using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;
using LatentWorkbench.Tests.TestUtilities;
using static LatentWorkbench.Ops.Functional;
using G = LatentWorkbench.Tests.TestUtilities.GradCheck;

namespace LatentWorkbench.Tests.Ops;

/// <summary>Every differentiable op and loss against float64 central differences (one parameterized test).</summary>
public sealed partial class GradientCheckTests
{
    private static readonly int[] Labels = [2, 0, 3];

    private static readonly Dictionary<string, (Func<Tensor[], Tensor> Function, Func<Tensor[]> Inputs)> Cases = new()
    {
        ["add"] = (x => Add(x[0], x[1]), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [3, 4], -1, 1)]),
        ["add_broadcast_row"] = (x => Add(x[0], x[1]), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [4], -1, 1)]),
        ["add_broadcast_outer"] = (x => Add(x[0], x[1]), () => [G.Uniform(1, [3, 1], -1, 1), G.Uniform(2, [1, 4], -1, 1)]),
        ["add_scalar_tensor"] = (x => Add(x[0], x[1]), () => [G.Uniform(1, [2, 3], -1, 1), G.Uniform(2, [], -1, 1)]),
        ["sub_broadcast_3d"] = (x => Sub(x[0], x[1]), () => [G.Uniform(1, [2, 3, 4], -1, 1), G.Uniform(2, [3, 1], -1, 1)]),
        ["mul"] = (x => Mul(x[0], x[1]), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [3, 4], -1, 1)]),
        ["mul_broadcast_4d"] = (x => Mul(x[0], x[1]), () => [G.Uniform(1, [2, 3, 2, 2], -1, 1), G.Uniform(2, [3, 1, 1], -1, 1)]),
        ["mul_self"] = (x => Mul(x[0], x[0]), () => [G.Uniform(1, [5], -1, 1)]),
        ["div"] = (x => Div(x[0], x[1]), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [3, 4], 0.5f, 2)]),
        ["div_broadcast"] = (x => Div(x[0], x[1]), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [3, 1], 0.5f, 2)]),
        ["matmul"] = (x => MatMul(x[0], x[1]), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [4, 5], -1, 1)]),
        ["matmul_transposed_a"] = (x => MatMul(x[0], x[1], transposeA: true), () => [G.Uniform(1, [4, 3], -1, 1), G.Uniform(2, [4, 5], -1, 1)]),
        ["matmul_transposed_b"] = (x => MatMul(x[0], x[1], transposeB: true), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [5, 4], -1, 1)]),
        ["matmul_transposed_both"] = (x => MatMul(x[0], x[1], true, true), () => [G.Uniform(1, [4, 3], -1, 1), G.Uniform(2, [5, 4], -1, 1)]),
        ["linear"] = (x => Linear(x[0], x[1], x[2]), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [5, 4], -1, 1), G.Uniform(3, [5], -1, 1)]),
        ["linear_no_bias"] = (x => Linear(x[0], x[1]), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [5, 4], -1, 1)]),
        ["sum"] = (x => Sum(x[0]), () => [G.Uniform(1, [3, 4], -1, 1)]),
        ["sum_axis0"] = (x => Sum(x[0], 0), () => [G.Uniform(1, [3, 4], -1, 1)]),
        ["sum_axis_middle_keepdim"] = (x => Sum(x[0], 1, keepDim: true), () => [G.Uniform(1, [2, 3, 4], -1, 1)]),
        ["mean"] = (x => Mean(x[0]), () => [G.Uniform(1, [3, 4], -1, 1)]),
        ["mean_last_axis"] = (x => Mean(x[0], -1), () => [G.Uniform(1, [3, 4], -1, 1)]),
        ["exp"] = (x => Exp(x[0]), () => [G.Uniform(1, [3, 4], -2, 2)]),
        ["log"] = (x => Log(x[0]), () => [G.Uniform(1, [3, 4], 0.5f, 3)]),
        ["sqrt"] = (x => Sqrt(x[0]), () => [G.Uniform(1, [3, 4], 0.5f, 3)]),
        ["pow"] = (x => Pow(x[0], 2.5f), () => [G.Uniform(1, [3, 4], 0.5f, 2)]),
        ["abs"] = (x => Abs(x[0]), () => [G.AwayFromZero(1, [3, 4])]),
        ["neg"] = (x => Neg(x[0]), () => [G.Uniform(1, [3, 4], -1, 1)]),
        ["clamp"] = (x => Clamp(x[0], -0.5f, 0.5f), () => [G.AwayFromZero(1, [4, 4], 0.55f, 1.5f)]),
        ["clamp_inside"] = (x => Clamp(x[0], -2f, 2f), () => [G.Uniform(1, [4, 4], -1.5f, 1.5f)]),
        ["scale"] = (x => Scale(x[0], -1.7f), () => [G.Uniform(1, [3, 4], -1, 1)]),
        ["add_scalar"] = (x => AddScalar(x[0], 0.3f), () => [G.Uniform(1, [3, 4], -1, 1)]),
        ["relu"] = (x => Relu(x[0]), () => [G.AwayFromZero(1, [3, 4])]),
        ["leaky_relu"] = (x => LeakyRelu(x[0], 0.1f), () => [G.AwayFromZero(1, [3, 4])]),
        ["elu"] = (x => Elu(x[0]), () => [G.AwayFromZero(1, [3, 4])]),
        ["sigmoid"] = (x => Sigmoid(x[0]), () => [G.Uniform(1, [3, 4], -3, 3)]),
        ["tanh"] = (x => Tanh(x[0]), () => [G.Uniform(1, [3, 4], -2, 2)]),
        ["softplus"] = (x => Softplus(x[0]), () => [G.Uniform(1, [3, 4], -3, 3)]),
        ["gelu"] = (x => Gelu(x[0]), () => [G.Uniform(1, [3, 4], -3, 3)]),
        ["log_softmax"] = (x => LogSoftmax(x[0]), () => [G.Uniform(1, [3, 5], -2, 2)]),
        ["softmax"] = (x => Softmax(x[0]), () => [G.Uniform(1, [3, 5], -2, 2)]),
        ["reshape"] = (x => Mul(Reshape(x[0], 4, -1), G.Uniform(5, [4, 3], -1, 1)), () => [G.Uniform(1, [3, 4], -1, 1)]),
        ["rows"] = (x => Rows(x[0], 1, 2), () => [G.Uniform(1, [4, 3], -1, 1)]),
        ["index_rows"] = (x => IndexRows(x[0], [3, 1, 3]), () => [G.Uniform(1, [4, 3], -1, 1)]),
        ["concat_axis0"] = (x => Concat([x[0], x[1]], 0), () => [G.Uniform(1, [2, 3], -1, 1), G.Uniform(2, [1, 3], -1, 1)]),
        ["concat_axis1"] = (x => Concat([x[0], x[1]], 1), () => [G.Uniform(1, [2, 3], -1, 1), G.Uniform(2, [2, 2], -1, 1)]),
        ["gather"] = (x => Gather(x[0], Labels), () => [G.Uniform(1, [3, 4], -1, 1)]),
        ["dropout"] = (x => Dropout(x[0], 0.4f, training: true, new TensorRandom(5)), () => [G.Uniform(1, [4, 5], -1, 1)]),
        ["bce"] = (x => BinaryCrossEntropy(x[0], x[1]), () => [G.Uniform(1, [3, 4], 0.1f, 0.9f), G.Uniform(2, [3, 4], 0, 1)]),
        ["bce_with_logits_sum"] = (x => BinaryCrossEntropyWithLogits(x[0], x[1], LossReduction.Sum), () => [G.Uniform(1, [3, 4], -4, 4), G.Uniform(2, [3, 4], 0, 1)]),
        ["bce_with_logits_mean"] = (x => BinaryCrossEntropyWithLogits(x[0], x[1]), () => [G.Uniform(1, [3, 4], -4, 4), G.Uniform(2, [3, 4], 0, 1)]),
        ["mse"] = (x => MseLoss(x[0], x[1]), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [3, 4], -1, 1)]),
        ["mse_sum"] = (x => MseLoss(x[0], x[1], LossReduction.Sum), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [3, 4], -1, 1)]),
        ["cross_entropy"] = (x => CrossEntropy(x[0], Labels), () => [G.Uniform(1, [3, 4], -2, 2)]),
        ["gaussian_kl"] = (x => GaussianKl(x[0], x[1]), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [3, 4], -1, 1)]),
        ["gaussian_kl_mean"] = (x => GaussianKl(x[0], x[1], LossReduction.Mean), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [3, 4], -1, 1)]),
        ["gaussian_log_likelihood"] = (x => GaussianLogLikelihood(x[0], x[1], x[2]), () => [G.Uniform(1, [3, 4], -1, 1), G.Uniform(2, [3, 4], -1, 1), G.Uniform(3, [3, 4], -1, 1)]),
    };

    /// <summary>The case names, for the theory.</summary>
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in Cases.Keys.Concat(ExtraCases.Keys))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Analytical_Gradient_Matches_Finite_Differences(string name)
    {
        var (function, inputs) = Cases.TryGetValue(name, out var c) ? c : ExtraCases[name];
        GradCheck.Assert(function, inputs());
    }
}
