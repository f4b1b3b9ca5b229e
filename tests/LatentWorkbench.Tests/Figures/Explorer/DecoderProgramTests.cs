using LatentWorkbench.Compute;
using LatentWorkbench.Figures.Explorer;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Figures.Explorer;

/// <summary>
/// The decoder programs read from every supported model decode like the model itself: the C# reference of the page's
/// forward pass (<see cref="DecoderProgramEvaluator"/>) against TorchSharp, within 1e-5 per pixel.
/// </summary>
public sealed class DecoderProgramTests
{
    private const double Tolerance = 1e-5;

    public DecoderProgramTests() => TorchRuntime.EnsureInitialized();

    public static TheoryData<string> Models => [.. SmallModels.Names];

    [Theory]
    [MemberData(nameof(Models))]
    public void The_Program_Of_A_Library_Model_Decodes_As_TorchSharp_Does(string name)
    {
        var (model, decode, latent, classes) = SmallModels.Create(name);
        var program = DecoderPrograms.From(model);
        using var generator = new torch.Generator(7);
        using var z = torch.randn([3, latent], generator: generator) * 2;

        for (int row = 0; row < 3; row++)
        {
            int label = row % Math.Max(1, classes);
            using var noGrad = torch.no_grad();
            using var zRow = z[row].unsqueeze(0);
            float[] expected = decode(zRow, label).flatten().data<float>().ToArray();

            var actual = DecoderProgramEvaluator.Decode(program, z[row].data<float>().ToArray(), classes > 0 ? label : null);

            Assert.Equal(expected.Length, actual.Count);
            double worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
            Assert.True(worst < Tolerance, $"{name}: the program differs from TorchSharp by {worst} at most (row {row}).");
        }
    }

    [Fact]
    public void A_Conditional_Program_Concatenates_The_One_Hot_Label_Before_The_First_Layer()
    {
        var program = DecoderPrograms.From(new ConditionalVae(new ConditionalVaeConfig(InputSize: 16, Classes: 4, HiddenSize: 8, LatentSize: 3)));

        Assert.True(program.IsConditional);
        Assert.Equal(4, program.Classes);
        Assert.Equal(["concatLabel", "linear", "relu", "linear", "sigmoid"], program.Ops.Select(op => op.Kind));
        Assert.Equal(3 + 4, ((LinearOp)program.Ops[1]).In);
    }

    [Fact]
    public void A_Label_Concatenated_Before_Every_Layer_Is_Expressible()
    {
        // A CVAE variant that conditions each decoder layer: cat([z, y]) → Linear → ReLU → cat([h, y]) → Linear → sigmoid.
        float[] w1 = [.. Enumerable.Range(0, 5 * 4).Select(i => (i % 3) - 1f)], w2 = [.. Enumerable.Range(0, 6 * 7).Select(i => (i % 5) * 0.1f)];
        var program = new DecoderProgram(2, 2,
        [
            new ConcatLabelOp(2), new LinearOp(4, 5, w1, new float[5]), new ActivationOp(ActivationKind.Relu),
            new ConcatLabelOp(2), new LinearOp(7, 6, w2, new float[6]), new ActivationOp(ActivationKind.Sigmoid),
        ]);

        var zeroLabel = DecoderProgramEvaluator.Decode(program, [1f, -1f], 0);
        var oneLabel = DecoderProgramEvaluator.Decode(program, [1f, -1f], 1);

        Assert.Equal(6, program.OutputSize);
        Assert.NotEqual(zeroLabel, oneLabel);
    }

    [Fact]
    public void A_Conditional_Output_Layer_Is_Read_From_Its_Weights_And_Gets_The_Label_Too()
    {
        torch.manual_seed(4);
        using var module = new OutputConditionedDecoder(latent: 2, classes: 3, hidden: 5, pixels: 6);
        var program = DecoderPrograms.Mlp(module, 2, 3);
        using var z = torch.tensor(new float[] { 0.5f, -1f }).unsqueeze(0);

        using var noGrad = torch.no_grad();
        float[] expected = module.Decode(z, 2).flatten().data<float>().ToArray();
        var actual = DecoderProgramEvaluator.Decode(program, [0.5f, -1f], 2);

        Assert.Equal(["concatLabel", "linear", "relu", "concatLabel", "linear", "sigmoid"], program.Ops.Select(op => op.Kind));
        Assert.True(expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max() < Tolerance);
    }

    [Fact]
    public void Ops_That_Do_Not_Chain_Are_Refused_Naming_The_Op()
    {
        var error = Assert.Throws<ArgumentException>(() => new DecoderProgram(3, 0, [new LinearOp(4, 2, new float[8], new float[2])]));

        Assert.Contains("op 0 (linear)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Autoregressive_Decoder_Is_Refused_With_The_Model_Name_And_What_Is_Supported()
    {
        var (program, problem) = DecoderPrograms.TryFrom(new AutoregressiveVae(new AutoregressiveVaeConfig(ImageSide: 8, EncoderHiddenSize: 8, LatentSize: 2, DecoderHiddenSize: 8)));

        Assert.Null(program);
        Assert.Contains("AutoregressiveVae", problem, StringComparison.Ordinal);
        Assert.Contains("ConvVae", problem, StringComparison.Ordinal);
        Assert.Contains("IBrowserDecoder", problem, StringComparison.Ordinal);
    }

    // A CVAE decoder that concatenates the label before its output layer too: sigmoid(fc4([relu(fc3([z, y])), y])).
    private sealed class OutputConditionedDecoder : torch.nn.Module
    {
#pragma warning disable IDE1006, SA1300 // PyTorch's state_dict names, which the extraction reads
        private readonly TorchSharp.Modules.Linear fc3;
        private readonly TorchSharp.Modules.Linear fc4;
#pragma warning restore IDE1006, SA1300
        private readonly int _classes;

        public OutputConditionedDecoder(int latent, int classes, int hidden, int pixels)
            : base(nameof(OutputConditionedDecoder))
        {
            _classes = classes;
            fc3 = torch.nn.Linear(latent + classes, hidden);
            fc4 = torch.nn.Linear(hidden + classes, pixels);
            RegisterComponents();
        }

        public torch.Tensor Decode(torch.Tensor z, int label)
        {
            using var oneHot = torch.nn.functional.one_hot(torch.tensor(new long[] { label }), _classes).to(torch.float32);
            return fc4.forward(torch.cat([torch.nn.functional.relu(fc3.forward(torch.cat([z, oneHot], 1))), oneHot], 1)).sigmoid();
        }
    }
}
