namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>What one in-process run of the CLI left behind.</summary>
internal sealed record PrCliResult(int ExitCode, string Out, string Error)
{
    /// <summary>For assertion messages: everything the run printed.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
