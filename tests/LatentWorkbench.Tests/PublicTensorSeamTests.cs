using System.Reflection;
using LatentWorkbench.Data;

namespace LatentWorkbench.Tests;

/// <summary>
/// The library's one data seam is <c>torch.Tensor</c>: no public member of the namespaces a notebook cell passes data
/// through takes or returns our own array types (issue 22). Scalar series (<c>double[]</c>) and index lists
/// (<c>int[]</c>) are not per-example data and stay allowed.
/// </summary>
public sealed class PublicTensorSeamTests
{
    private static readonly string[] SeamNamespaces =
    [
        "LatentWorkbench.Data", "LatentWorkbench.Reduction", "LatentWorkbench.Metrics", "LatentWorkbench.Latent",
        "LatentWorkbench.Images", "LatentWorkbench.Figures", "LatentWorkbench.Tables",
    ];

    private static readonly Type[] ForbiddenTypes =
    [
        typeof(float[]), typeof(byte[]), typeof(Span<float>), typeof(ReadOnlySpan<float>), typeof(Memory<float>),
        typeof(ReadOnlyMemory<float>),
    ];

    // Encoded files, not data: the bytes of a PNG a caller writes or embeds.
    private static readonly string[] EncodedFileMembers =
    [
        "LatentWorkbench.Images.ImagePng.ToPngBytes", "LatentWorkbench.Figures.ChartExport.ToPng",
    ];

    [Fact]
    public void No_Public_Member_Of_A_Data_Namespace_Speaks_Arrays_Or_Matrix()
    {
        var offenders = SeamTypes().SelectMany(Offences).Where(o => !EncodedFileMembers.Contains(o)).ToList();
        Assert.True(offenders.Count == 0, "Public members that pass data as something other than a tensor:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_Check_Sees_The_Seam_Types_And_Would_Catch_An_Array()
    {
        Assert.Contains(typeof(MnistSplit), SeamTypes());
        Assert.True(Mentions(typeof(IReadOnlyList<float[]>)));
        Assert.True(Mentions(typeof(ReadOnlySpan<float>)));
        Assert.False(Mentions(typeof(double[])));
        Assert.DoesNotContain(SeamTypes(), t => t.Name == "Matrix");
    }

    private static IEnumerable<Type> SeamTypes() =>
        typeof(MnistSplit).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is { } ns && SeamNamespaces.Any(s => ns == s || ns.StartsWith(s + ".", StringComparison.Ordinal)));

    private static IEnumerable<string> Offences(Type type)
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
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

        return (type.IsArray && Mentions(type.GetElementType()!)) || (type.IsGenericType && type.GetGenericArguments().Any(Mentions));
    }
}
