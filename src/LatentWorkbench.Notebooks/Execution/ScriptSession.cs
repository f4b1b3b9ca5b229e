using LatentWorkbench.Notebooks.Scripting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace LatentWorkbench.Notebooks.Execution;

/// <summary>
/// The C# kernel's execution model (../shared/specs/polyglot.md §2): each cell is a Roslyn script submission
/// chained to the previous one, so later cells see earlier variables and may redeclare them.
/// </summary>
internal sealed class ScriptSession
{
    /// <summary>The namespaces the real C# kernel imports (not System.IO).</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private readonly ScriptOptions _options;
    private ScriptState<object>? _state;

    /// <summary>A session for the notebook at <paramref name="notebookPath"/> (its folder anchors relative <c>#r</c> paths).</summary>
    public ScriptSession(string notebookPath)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        _options = ScriptOptions.Default
            .WithFilePath(Path.GetFullPath(notebookPath))
            .WithMetadataResolver(new HostAwareMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder)))
            .WithSourceResolver(new SourceFileResolver([], folder))
            .AddReferences(typeof(Kernel).Assembly)
            // A type name among the imports acts as `using static`: display(...) and HTML(...) without a prefix.
            .WithImports(DefaultImports.Append(typeof(Kernel).FullName!))
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(true);
    }

    /// <summary>The script variables after the last successful submission (a redeclared name keeps its latest value).</summary>
    public IReadOnlyDictionary<string, object?> Variables
    {
        get
        {
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var variable in _state?.Variables ?? [])
            {
                variables[variable.Name] = variable.Value;
            }

            return variables;
        }
    }

    /// <summary>Compiles and runs one cell.</summary>
    /// <returns>Whether the cell ends in an expression (no semicolon), and its value.</returns>
    /// <exception cref="CompilationErrorException">The cell does not compile.</exception>
    public async Task<(bool HasValue, object? Value)> RunAsync(string code, CancellationToken cancellationToken)
    {
        // Submitted as a UTF-8 stream: debug information (line numbers in stack traces) needs the text's encoding.
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(code));
        var script = _state is null ? CSharpScript.Create(stream, _options) : _state.Script.ContinueWith(stream, _options);
        var diagnostics = script.Compile(cancellationToken);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new CompilationErrorException(string.Join(Environment.NewLine, errors.Select(e => e.ToString())), [.. errors]);
        }

        bool hasValue = EndsInExpression(script.GetCompilation());
        _state = _state is null
            ? await script.RunAsync(globals: null, cancellationToken).ConfigureAwait(false)
            : await script.RunFromAsync(_state, cancellationToken).ConfigureAwait(false);
        return (hasValue, _state.ReturnValue);
    }

    // What the kernel displays: a last statement that is an expression without its semicolon, of a non-void type.
    private static bool EndsInExpression(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single();
        if (tree.GetRoot() is not CompilationUnitSyntax root
            || root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
        {
            return false;
        }

        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }
}
