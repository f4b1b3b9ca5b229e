using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LatentWorkbench.Notebooks.Parameters;

/// <summary>Learns the declared parameters of a parameters cell from its C# syntax (nothing is executed).</summary>
public static class ParametersCell
{
    /// <summary>The variables the cell declares at top level, in order.</summary>
    /// <remarks>
    /// <c>int epochs = 10;</c> takes the declared type (the initializer need not be a literal:
    /// <c>int epochs = VaeExperimentOptions.Default.Training.Epochs;</c> reads the default from its one source);
    /// <c>int? epochs = null;</c> is a nullable int (an override may be <c>null</c>); <c>var lr = 1e-3;</c> takes the literal's type
    /// (int, long with L, float with f, double, decimal with m, string, bool; a leading minus is allowed).
    /// A type that is a name (<c>StudyBudget budget = …;</c>), or a <c>var</c> initialised with a member of a named type
    /// (<c>var budget = StudyBudget.Default;</c>), declares an <see cref="ParameterType.Enum"/> parameter: whether the
    /// name is an enum is learned when an override is parsed (<see cref="ParameterEnums"/>).
    /// Any other initializer declares a parameter of <see cref="ParameterType.Unsupported"/> type.
    /// </remarks>
    public static IReadOnlyList<ParameterDeclaration> Parse(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source ?? string.Empty, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var declarations = new List<ParameterDeclaration>();
        foreach (var member in root.Members)
        {
            // In script code a top-level declaration parses as a field; inside a global statement, as a local.
            var declaration = member switch
            {
                FieldDeclarationSyntax field => field.Declaration,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
                _ => null,
            };
            if (declaration is null)
            {
                continue;
            }

            foreach (var variable in declaration.Variables)
            {
                var initializer = variable.Initializer?.Value;
                var ((type, typeName), isArray, isNullable) = declaration.Type switch
                {
                    { IsVar: true } => (TypeOfVarInitializer(initializer), false, false),
                    ArrayTypeSyntax { RankSpecifiers: [{ Rank: 1 }] } array => (TypeOf(array.ElementType), true, false),
                    NullableTypeSyntax nullable => (TypeOf(nullable.ElementType), false, true),
                    var explicitType => (TypeOf(explicitType), false, false),
                };
                declarations.Add(new ParameterDeclaration(variable.Identifier.ValueText, type, initializer?.ToString() ?? string.Empty, isArray, typeName, isNullable));
            }
        }

        return declarations;
    }

    // A predefined type by its keyword; a name (simple or qualified) may be an enum; anything else cannot be overridden.
    private static (ParameterType Type, string? TypeName) TypeOf(TypeSyntax type) => type switch
    {
        PredefinedTypeSyntax => (TypeOfKeyword(type), null),
        IdentifierNameSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax => (ParameterType.Enum, type.ToString()),
        _ => (ParameterType.Unsupported, null),
    };

    // var x = <literal>; or var x = SomeEnum.Member; (the member access names the enum).
    private static (ParameterType Type, string? TypeName) TypeOfVarInitializer(ExpressionSyntax? initializer) =>
        initializer is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax } member
            ? (ParameterType.Enum, member.Expression.ToString())
            : (TypeOfLiteral(initializer), null);

    private static ParameterType TypeOfKeyword(TypeSyntax type) => type is PredefinedTypeSyntax predefined
        ? predefined.Keyword.Kind() switch
        {
            SyntaxKind.BoolKeyword => ParameterType.Bool,
            SyntaxKind.IntKeyword => ParameterType.Int,
            SyntaxKind.LongKeyword => ParameterType.Long,
            SyntaxKind.FloatKeyword => ParameterType.Float,
            SyntaxKind.DoubleKeyword => ParameterType.Double,
            SyntaxKind.DecimalKeyword => ParameterType.Decimal,
            SyntaxKind.StringKeyword => ParameterType.String,
            _ => ParameterType.Unsupported,
        }
        : ParameterType.Unsupported;

    private static ParameterType TypeOfLiteral(ExpressionSyntax? initializer)
    {
        if (initializer is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negated)
        {
            initializer = negated.Operand;
        }

        if (initializer is not LiteralExpressionSyntax literal)
        {
            return ParameterType.Unsupported;
        }

        return literal.Token.Value switch
        {
            bool => ParameterType.Bool,
            int => ParameterType.Int,
            long => ParameterType.Long,
            float => ParameterType.Float,
            double => ParameterType.Double,
            decimal => ParameterType.Decimal,
            string => ParameterType.String,
            _ => ParameterType.Unsupported,
        };
    }
}
