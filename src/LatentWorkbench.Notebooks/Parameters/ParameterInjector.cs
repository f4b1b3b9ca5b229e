using System.Text;
using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Notebooks.Parameters;

/// <summary>
/// Applies parameter overrides the papermill way (docs/polyglot-contract.md §5): the cell tagged
/// <c>parameters</c> keeps the defaults, and a cell tagged <c>injected-parameters</c> is inserted right after it
/// (replacing an earlier injected cell) with one <c>var name = value;</c> line per override, typed like the default.
/// The applied values are recorded in <c>metadata.papermill.parameters</c>.
/// </summary>
public static class ParameterInjector
{
    /// <summary>The notebook's declared parameters (empty when it has no parameters cell).</summary>
    public static IReadOnlyList<ParameterDeclaration> Declared(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return ParametersCellOf(notebook) is { } cell ? ParametersCell.Parse(cell.Source) : [];
    }

    /// <summary>Validates every override, then injects them; nothing is changed when one is invalid.</summary>
    /// <param name="notebook">The notebook to change in place.</param>
    /// <param name="overrides">Name → value text, as given on the command line.</param>
    /// <param name="origin">The notebook's path, for error messages.</param>
    /// <param name="enums">Resolves enum parameters' types (default: the enums of the assemblies loaded in the process).</param>
    /// <returns>The applied values as recorded in the metadata.</returns>
    /// <exception cref="ParameterException">An unknown name (the message lists the declared ones) or an unparsable value; the message names the notebook.</exception>
    public static JsonObject Apply(Notebook notebook, IReadOnlyDictionary<string, string> overrides, string origin, ParameterEnums? enums = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(overrides);
        var parametersCell = ParametersCellOf(notebook);
        var declared = parametersCell is null ? [] : ParametersCell.Parse(parametersCell.Source);
        var lines = new StringBuilder("// Parameters\n");
        var recorded = new JsonObject();
        foreach (var (name, text) in overrides)
        {
            var parameter = declared.FirstOrDefault(p => p.Name == name) ?? throw new ParameterException(parametersCell is null
                ? $"Notebook '{origin}' has no cell tagged 'parameters', so it takes no parameter '{name}'."
                : $"Notebook '{origin}' declares no parameter '{name}'; its parameters are: {string.Join(", ", declared.Select(p => p.Name))}.");
            ParameterLiteral literal;
            try
            {
                literal = ParameterLiteral.Parse(parameter, text, enums);
            }
            catch (ParameterException e)
            {
                throw new ParameterException($"Notebook '{origin}': {e.Message}", e);
            }

            lines.Append(literal.DeclaredAs).Append(' ').Append(name).Append(" = ").Append(literal.CSharp).Append(";\n");
            recorded[name] = literal.Json?.DeepClone();
        }

        if (overrides.Count > 0)
        {
            notebook.Cells.RemoveAll(c => c.HasTag(NotebookCell.InjectedParametersTag));
            int at = notebook.Cells.IndexOf(parametersCell!) + 1;
            var injected = NotebookCell.NewCode(CellIds.FromSeed(parametersCell!.Id + "/" + NotebookCell.InjectedParametersTag), lines.ToString().TrimEnd('\n'), NotebookCell.InjectedParametersTag);
            notebook.Cells.Insert(at, injected);
        }

        var papermill = notebook.Metadata["papermill"] as JsonObject ?? [];
        papermill["parameters"] = recorded.DeepClone();
        notebook.Metadata["papermill"] = papermill;
        return recorded;
    }

    private static NotebookCell? ParametersCellOf(Notebook notebook) =>
        notebook.Cells.FirstOrDefault(c => c.Kind == CellKind.Code && c.HasTag(NotebookCell.ParametersTag));
}
