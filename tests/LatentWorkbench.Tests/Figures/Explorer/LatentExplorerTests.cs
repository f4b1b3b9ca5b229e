using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Figures;
using LatentWorkbench.Figures.Explorer;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Figures.Explorer;

/// <summary>The explorer's views, planes and HTML, without a browser.</summary>
public sealed class LatentExplorerTests
{
    public LatentExplorerTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void A_Title_With_A_Script_End_Tag_Cannot_End_The_Data_Block_Early()
    {
        using var digits = Digits(30);
        var explorer = LatentExplorer.Of(SmallVae(2), digits).WithTitle("</script><b>bold</b>");

        string html = explorer.ToHtml();

        Assert.Equal(2, CountOf(html, "</script>"));
        Assert.Contains("\\u003c/script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u002B", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Two_Latent_Model_Is_Shown_On_Its_Own_Plane_And_A_Larger_One_On_Its_Principal_Plane_With_Sliders_Off_It()
    {
        using var digits = Digits(40);

        var two = LatentExplorer.Of(SmallVae(2), digits);
        var five = LatentExplorer.Of(SmallVae(5), digits);

        Assert.True(two.Views[0].IsPlane);
        Assert.Empty(two.Views[0].Sliders);
        Assert.Equal(new float[] { 0, 0 }, two.Views[0].Origin);
        Assert.Equal(["PC3", "PC4", "PC5"], five.Views[0].Sliders.Select(s => s.Name));
        var axes = five.Views[0].Axes.Concat(five.Views[0].Sliders.Select(s => s.Direction)).ToList();
        for (int i = 0; i < axes.Count; i++)
        {
            for (int j = 0; j < axes.Count; j++)
            {
                double dot = axes[i].Zip(axes[j], (a, b) => (double)a * b).Sum();
                Assert.Equal(i == j ? 1.0 : 0.0, dot, 4);
            }
        }
    }

    [Fact]
    public void A_Given_Plane_Is_Made_Orthonormal_And_Its_Points_Are_The_Codes_Projections()
    {
        using var digits = Digits(20);
        var explorer = LatentExplorer.Of(SmallVae(3), digits).WithPlane("tilted", torch.tensor(new float[] { 2, 0, 0 }), torch.tensor(new float[] { 1, 1, 0 }));

        var plane = explorer.Views[1];

        Assert.Equal(new float[] { 1, 0, 0 }, plane.Axes[0]);
        Assert.Equal(new float[] { 0, 1, 0 }, plane.Axes[1]);
        Assert.Equal(new float[] { 0, 0, 1 }, plane.Sliders.Single().Direction);
        Assert.Equal(explorer.Codes[3] - plane.Origin[0], plane.Coordinates[2], 5);   // digit 1's a = (z − origin)·e₁
    }

    [Fact]
    public void A_Map_Of_The_Wrong_Shape_Is_Refused_And_A_Right_One_Becomes_A_View_Without_Decoding()
    {
        using var digits = Digits(20);
        var explorer = LatentExplorer.Of(SmallVae(2), digits);

        Assert.Throws<ArgumentException>(() => explorer.WithMap("t-SNE", torch.zeros(10, 2)));
        var mapped = explorer.WithMap("t-SNE", torch.rand(20, 2));

        Assert.Equal(2, mapped.Views.Count);
        Assert.False(mapped.Views[1].IsPlane);
        Assert.Single(explorer.Views);   // With… returns a new explorer
    }

    [Fact]
    public void The_Static_Twin_And_The_Figure_Label_Carry_The_Title_And_Id()
    {
        using var digits = Digits(20);
        var explorer = LatentExplorer.Of(SmallVae(2), digits).WithId("my-explorer");

        Assert.Contains(explorer.Title, explorer.ToSvg(), StringComparison.Ordinal);
        Assert.Equal(new FigureLabel("my-explorer", explorer.Title, null), FigureLabels.Of(explorer));
    }

    private static Vae SmallVae(int latent)
    {
        torch.manual_seed(latent);
        return new Vae(new VaeConfig(HiddenSize: 16, LatentSize: latent));
    }

    private static MnistSplit Digits(int count)
    {
        using var generator = new torch.Generator(9);
        return new MnistSplit("tiny", torch.rand([count, MnistSplit.PixelsPerImage], generator: generator), torch.arange(count, dtype: torch.int64) % 10);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
