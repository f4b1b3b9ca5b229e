using System.Globalization;
using System.Text;

namespace LatentWorkbench.Tensors;

public sealed partial class Tensor
{
    private const int ShownValues = 6;

    /// <summary>Shape, gradient flag and the first few values, e.g. <c>Tensor[128, 784] requires_grad (0.0000, 0.1200, …)</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("Tensor").Append(ShapeMath.Format(_shape));
        if (Name is not null)
        {
            sb.Append(" \"").Append(Name).Append('"');
        }

        if (RequiresGrad)
        {
            sb.Append(" requires_grad");
        }

        if (_buffer is null)
        {
            return sb.Append(" (released)").ToString();
        }

        sb.Append(" (");
        var span = Span;
        int shown = Math.Min(ShownValues, span.Length);
        for (int i = 0; i < shown; i++)
        {
            sb.Append(i > 0 ? ", " : string.Empty).Append(span[i].ToString("0.0000", CultureInfo.InvariantCulture));
        }

        if (span.Length > shown)
        {
            sb.Append(", …");
        }

        return sb.Append(')').ToString();
    }
}
