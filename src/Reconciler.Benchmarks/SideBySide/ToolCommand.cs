namespace Reconciler.Benchmarks.SideBySide;

/// <summary>A command measured side by side: a display name, what to run, and the exit code that means it worked.</summary>
internal sealed record ToolCommand(string Name, string Program, IReadOnlyList<string> Arguments, int ExpectedExitCode = 0)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? WorkingDirectory { get; init; }

    /// <summary>Whether the row is one of ours (ratios are printed for ours against the others).</summary>
    public bool IsOurs { get; init; }
}
