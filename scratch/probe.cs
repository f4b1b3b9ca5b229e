#:project ../src/LatentWorkbench/LatentWorkbench.csproj
#:property PublishAot=false
using LatentWorkbench.Experiments;
using LatentWorkbench.Reporting;
using TorchSharp;
Console.WriteLine($"budget {StudyBudget.Quick}, torch {torch.ones(2).sum().item<float>()}");
Console.WriteLine(Recorded.Value("x", 1.5));
