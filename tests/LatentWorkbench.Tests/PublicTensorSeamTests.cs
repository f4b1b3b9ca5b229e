using System.Reflection;
using LatentWorkbench.Data;
using LatentWorkbench.Experiments.Gans;
using LatentWorkbench.Metrics.Collapse;
using TorchSharp;

namespace LatentWorkbench.Tests;

/// <summary>
/// The library's one data seam is <c>torch.Tensor</c> (issue 22): no public member of the namespaces a notebook cell
/// passes data through — the data, reduction, metric, latent, image, figure and table namespaces and the study recipes
/// and results under Experiments — takes or returns our own array types, and class labels are always a tensor.
/// </summary>
/// <remarks>
/// The rule the library follows: values with one entry per example (an image, a decoded step, a test digit) are
/// tensors, so a user can index, average, plot or compare them with tensor ops; a summary of a few numbers (one per
/// latent dimension, class, k or epoch) is a read-only list. So no public member exposes a one-dimensional or jagged
/// array of numbers (<c>float[]</c> images, <c>double[]</c> per-example values, <c>long[]</c> predictions, a list of
/// <c>float[]</c> snapshots): each of those once did, and this test fails if one comes back. A check cannot tell a
/// per-example list from a summary list, so <c>IReadOnlyList&lt;double&gt;</c> stays allowed and that line is held in
/// review. Rectangular arrays (<c>double[,]</c>) are left alone: they are small summary matrices for a heatmap (a
/// confusion matrix, the mean image), and <c>Charts.Heatmap</c> takes a tensor too.
/// </remarks>
public sealed class PublicTensorSeamTests
{
    private static readonly string[] SeamNamespaces =
    [
        "LatentWorkbench.Data", "LatentWorkbench.Reduction", "LatentWorkbench.Metrics", "LatentWorkbench.Latent",
        "LatentWorkbench.Images", "LatentWorkbench.Figures", "LatentWorkbench.Tables", "LatentWorkbench.Experiments",
    ];

    private static readonly Type[] ForbiddenTypes =
    [
        typeof(Span<float>), typeof(ReadOnlySpan<float>), typeof(Memory<float>), typeof(ReadOnlyMemory<float>),
    ];

    // Encoded files, not data: the bytes of a PNG a caller writes or embeds.
    private static readonly string[] EncodedFileMembers =
    [
        "LatentWorkbench.Images.ImagePng.ToPngBytes", "LatentWorkbench.Images.ImagePng.ToLabelledPngBytes", "LatentWorkbench.Figures.ChartExport.ToPng",
    ];

    [Fact]
    public void No_Public_Member_Of_A_Data_Namespace_Speaks_Arrays_Or_Matrix()
    {
        var offenders = SeamTypes().SelectMany(Offences).Where(o => !EncodedFileMembers.Contains(o)).ToList();
        Assert.True(offenders.Count == 0, "Public members that pass data as something other than a tensor:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_Public_Labels_Parameter_Is_A_Tensor()
    {
        var offenders = SeamTypes().SelectMany(PublicMethodsAndConstructors)
            .SelectMany(m => m.GetParameters().Where(NonTensorLabels).Select(p => $"{m.DeclaringType!.FullName}.{m.Name}({p.ParameterType.Name} {p.Name})"))
            .ToList();
        Assert.True(offenders.Count == 0, "Class labels passed as something other than an integer tensor:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_Check_Sees_The_Seam_Types_And_Would_Catch_An_Array()
    {
        Assert.Contains(typeof(MnistSplit), SeamTypes());
        Assert.Contains(typeof(GanResult), SeamTypes());
        Assert.True(Mentions(typeof(IReadOnlyList<float[]>)));
        Assert.True(Mentions(typeof(ReadOnlySpan<float>)));
        Assert.True(Mentions(typeof(double[])));
        Assert.True(Mentions(typeof(long[])));
        Assert.True(Mentions(typeof(double[][])));
        Assert.True(Mentions(typeof((int[] Indices, double Distance))));
        Assert.False(Mentions(typeof(IReadOnlyList<double>)));
        Assert.False(Mentions(typeof(double[,])));
        Assert.DoesNotContain(SeamTypes(), t => t.Name == "Matrix");
        var histogram = typeof(ClassHistogram).GetConstructors().Single().GetParameters()[0];
        Assert.Equal("labels", histogram.Name);
        Assert.False(NonTensorLabels(histogram));
        Assert.True(NonTensorLabels(typeof(LabelsAsAList).GetMethod(nameof(LabelsAsAList.Count))!.GetParameters()[0]));
    }

    private static IEnumerable<Type> SeamTypes() =>
        typeof(MnistSplit).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is { } ns && SeamNamespaces.Any(s => ns == s || ns.StartsWith(s + ".", StringComparison.Ordinal)));

    private const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<MethodBase> PublicMethodsAndConstructors(Type type) =>
        type.GetMethods(Public).Cast<MethodBase>().Concat(type.GetConstructors(Public));

    // A record's Deconstruct hands the labels out by reference (out Tensor Labels): the tensor type is what counts.
    private static bool NonTensorLabels(ParameterInfo parameter) =>
        string.Equals(parameter.Name, "labels", StringComparison.OrdinalIgnoreCase)
        && (parameter.ParameterType.IsByRef ? parameter.ParameterType.GetElementType() : parameter.ParameterType) != typeof(torch.Tensor);

    private static IEnumerable<string> Offences(Type type)
    {
        foreach (var method in type.GetMethods(Public).Where(m => !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal)))
        {
            if (Mentions(method.ReturnType) || method.GetParameters().Any(p => Mentions(p.ParameterType)))
            {
                yield return $"{type.FullName}.{method.Name}";
            }
        }

        foreach (var constructor in type.GetConstructors(Public).Where(c => c.GetParameters().Any(p => Mentions(p.ParameterType))))
        {
            yield return $"{type.FullName}..ctor({string.Join(", ", constructor.GetParameters().Select(p => p.ParameterType.Name))})";
        }

        foreach (var property in type.GetProperties(Public).Where(p => Mentions(p.PropertyType)))
        {
            yield return $"{type.FullName}.{property.Name}";
        }

        foreach (var field in type.GetFields(Public).Where(f => Mentions(f.FieldType)))
        {
            yield return $"{type.FullName}.{field.Name}";
        }
    }

    private static bool Mentions(Type type)
    {
        if (type.IsByRef || type.IsPointer)
        {
            return Mentions(type.GetElementType()!);
        }

        if (ForbiddenTypes.Contains(type) || type.Name == "Matrix")
        {
            return true;
        }

        // float[], byte[], double[], int[], long[]: an array of numbers is how data travelled before it was a tensor.
        if (type.IsSZArray && type.GetElementType()!.IsPrimitive)
        {
            return true;
        }

        return (type.IsArray && Mentions(type.GetElementType()!)) || (type.IsGenericType && type.GetGenericArguments().Any(Mentions));
    }

    // What the labels check must reject: the form ClassHistogram took before it took a tensor.
    private static class LabelsAsAList
    {
        public static int Count(IReadOnlyList<int> labels) => labels.Count;
    }
}
