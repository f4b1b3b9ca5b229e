using LatentWorkbench.Figures;

namespace LatentWorkbench.Tests.Figures;

public sealed class PaletteTests
{
    /// <summary>Machado, Oliveira &amp; Fernandes (2009) dichromacy simulation matrices (severity 1.0), on linear RGB.</summary>
    public static TheoryData<string, double[]> Visions => new()
    {
        { "normal", [1, 0, 0, 0, 1, 0, 0, 0, 1] },
        { "protanopia", [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998] },
        { "deuteranopia", [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940, 0.968881] },
        { "tritanopia", [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.303900] },
    };

    [Theory]
    [MemberData(nameof(Visions))]
    public void Ten_Default_Colours_Stay_Apart_Under_Colour_Vision_Deficiency(string vision, double[] matrix)
    {
        var lab = Palette.Default.Select(c => ToLab(Simulate(c, matrix))).ToList();
        Assert.Equal(10, lab.Count);
        var (distance, a, b) = (from i in Enumerable.Range(0, 10)
                                from j in Enumerable.Range(i + 1, 9 - i)
                                select (Distance(lab[i], lab[j]), i, j)).Min();
        Assert.True(distance >= 15, $"{vision}: colours {a} and {b} are only ΔE {distance:F1} apart");
    }

    [Fact]
    public void Colours_Repeat_After_Ten_And_Negative_Indices_Wrap()
    {
        Assert.Equal(Palette.Default[3], Palette.ColorFor(13));
        Assert.Equal(Palette.Default[9], Palette.ColorFor(-1));
    }

    private static double[] Simulate(Rgb color, double[] m)
    {
        double[] c = [Linear(color.R), Linear(color.G), Linear(color.B)];
        return [.. Enumerable.Range(0, 3).Select(i => Math.Clamp((m[3 * i] * c[0]) + (m[(3 * i) + 1] * c[1]) + (m[(3 * i) + 2] * c[2]), 0, 1))];
    }

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    /// <summary>CIELAB (D65) from linear sRGB.</summary>
    private static (double L, double A, double B) ToLab(double[] rgb)
    {
        double x = ((0.4124 * rgb[0]) + (0.3576 * rgb[1]) + (0.1805 * rgb[2])) / 0.95047;
        double y = (0.2126 * rgb[0]) + (0.7152 * rgb[1]) + (0.0722 * rgb[2]);
        double z = ((0.0193 * rgb[0]) + (0.1192 * rgb[1]) + (0.9505 * rgb[2])) / 1.08883;
        static double F(double t) => t > 0.008856 ? Math.Cbrt(t) : (7.787 * t) + (16.0 / 116);
        return ((116 * F(y)) - 16, 500 * (F(x) - F(y)), 200 * (F(y) - F(z)));
    }

    private static double Distance((double L, double A, double B) p, (double L, double A, double B) q) =>
        Math.Sqrt(Math.Pow(p.L - q.L, 2) + Math.Pow(p.A - q.A, 2) + Math.Pow(p.B - q.B, 2));
}
