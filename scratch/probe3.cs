// %% [markdown]
// # hello
// %% id="x"
#:project ../src/LatentWorkbench/LatentWorkbench.csproj
using LatentWorkbench.Experiments;
Console.WriteLine(AppContext.GetData("EntryPointFilePath"));
Console.WriteLine(StudyBudget.Quick);
