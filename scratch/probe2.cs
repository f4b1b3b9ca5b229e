// %% [markdown]
// # hello
Console.WriteLine("first");
// %% id="x"
#:project ../src/LatentWorkbench/LatentWorkbench.csproj
using LatentWorkbench.Experiments;
Console.WriteLine(StudyBudget.Quick);
