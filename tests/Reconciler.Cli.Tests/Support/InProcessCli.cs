namespace Reconciler.Cli.Tests.Support;

/// <summary>Runs the CLI in-process, the way Program does, with captured streams and an injected environment.</summary>
internal static class InProcessCli
{
    /// <summary>Upper bound of one in-process run, so a hang fails the test instead of the whole suite.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static async Task<CliResult> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        string[] args,
        string? stdin = null,
        bool terminal = false,
        TextReader? input = null,
        CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(
            TextWriter.Synchronized(output),
            TextWriter.Synchronized(error),
            input ?? new StringReader(stdin ?? ""),
            OutIsTerminal: false, // no progress bar or colour: plain lines are what the tests read
            InIsTerminal: terminal,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            workingDirectory)
        {
            EnvironmentNames = () => environment?.Keys.ToList() ?? [],
        };
        var exit = await ReconcilerCli.RunAsync(args, console, cancellationToken).WaitAsync(Limit, CancellationToken.None);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
