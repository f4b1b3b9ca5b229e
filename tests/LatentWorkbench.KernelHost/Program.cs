using LatentWorkbench.Notebooks.Execution;

// Usage: LatentWorkbench.KernelHost NOTEBOOK OUTPUT.ipynb
// Runs the notebook in the real C# kernel and writes the executed copy; exit code 0 when every cell ran, 2 otherwise.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: LatentWorkbench.KernelHost NOTEBOOK OUTPUT.ipynb");
    return 1;
}

var result = await new NotebookRunner(new NotebookRunOptions { OutputPath = args[1] }).RunAsync(args[0]);
if (result.Failure is { } failure)
{
    Console.Error.WriteLine(failure);
    return 2;
}

return 0;
