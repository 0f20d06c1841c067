extern alias nativeplan;

using Reconciler.Cli.Tests.Support;
using NativeConsole = nativeplan::Reconciler.Cli.CliConsole;
using NativeProgram = nativeplan::Reconciler.NativePlan.PlanProgram;

namespace Reconciler.Cli.Tests.NativePlan;

/// <summary>
/// Runs <c>reconciler-plan</c> in-process (its .NET build: the same code the native executable is compiled from) and
/// <c>reconciler plan</c> beside it, with one working directory and environment, as <see cref="InProcessCli"/> runs the CLI.
/// </summary>
internal static class NativePlan
{
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new NativeConsole(
            TextWriter.Synchronized(output),
            TextWriter.Synchronized(error),
            TextReader.Null,
            OutIsTerminal: false,
            InIsTerminal: false,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            workingDirectory)
        {
            EnvironmentNames = () => environment?.Keys.ToList() ?? [],
        };
        var exit = await NativeProgram.RunAsync(args, console).WaitAsync(InProcessCli.Limit);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Both programs on the same input: <c>reconciler plan ARGS</c> and <c>reconciler-plan ARGS</c>.</summary>
    public static async Task<(CliResult Cli, CliResult Native)> BothAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        (await InProcessCli.RunAsync(workingDirectory, environment, ["plan", .. args]), await RunAsync(workingDirectory, environment, args));

    public static void AssertSame(CliResult cli, CliResult native)
    {
        Assert.True(cli.ExitCode == native.ExitCode && cli.Out == native.Out && cli.Error == native.Error, $"reconciler plan:\n{cli}\n\nreconciler-plan:\n{native}");
    }
}
