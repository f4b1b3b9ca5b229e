using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Tests.TestUtilities;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LatentWorkbench.Tests.Notebooks;

[Collection(NotebookRunsCollection.Name)]
public sealed class AssemblyReferenceTests
{
    [Fact]
    public async Task Hash_R_Is_Relative_To_The_Notebook_And_Finds_Dependencies_Beside_The_Dll()
    {
        using var scratch = new TempDirectory();
        string lib = Path.Combine(scratch.Path, "lib");
        Directory.CreateDirectory(lib);
        string suffix = Guid.NewGuid().ToString("N")[..8];
        string dependency = Compile(lib, $"Dep{suffix}", $"public static class Dep{suffix} {{ public static string Hello() => \"from the dependency\"; }}");
        Compile(lib, $"Main{suffix}", $"public static class Greeter{suffix} {{ public static string Greet() => Dep{suffix}.Hello() + \"!\"; }}", dependency);
        string path = NotebookTestFiles.WriteCodeNotebook(scratch.File("refs.ipynb"), $"#r \"lib/Main{suffix}.dll\"", $"var greeting = Greeter{suffix}.Greet();");

        var result = await new NotebookRunner().RunAsync(path);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("from the dependency!", result.Variables["greeting"]);
    }

    [Fact]
    public async Task A_Missing_Dll_Is_A_Compile_Error_Naming_It()
    {
        using var scratch = new TempDirectory();
        string path = NotebookTestFiles.WriteCodeNotebook(scratch.File("missing.ipynb"), "#r \"lib/Nowhere.dll\"");
        var result = await new NotebookRunner().RunAsync(path);
        Assert.Contains("Nowhere.dll", result.Failure!.Message, StringComparison.Ordinal);
    }

    private static string Compile(string folder, string name, string source, params string[] references)
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll");
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            trusted.Concat(references).Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        string path = Path.Combine(folder, name + ".dll");
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }
}
