namespace Reconciler.Cli.Tests.Support;

/// <summary>How one <c>reconciler</c> invocation ended: exit code and everything it printed.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Assertion messages show the whole output, so a failure explains itself.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}
