extern alias nativevalidate;

using Reconciler.Cli.Tests.Support;
using NativeProgram = nativevalidate::Reconciler.Validate.ValidateProgram;
using NativeConsole = nativevalidate::Reconciler.Validate.ValidateConsole;

namespace Reconciler.Cli.Tests.Validate;

/// <summary>
/// Runs <c>reconciler-validate</c> in-process (its .NET build: the same code the native executable is compiled from) and
/// <c>reconciler validate</c> beside it, with one working directory and environment.
/// </summary>
internal static class NativeValidate
{
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new NativeConsole(output, error, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null, environment?.Keys.ToList() ?? [], workingDirectory);
        var exit = await NativeProgram.RunAsync(args, console).WaitAsync(InProcessCli.Limit);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Both programs on the same input: <c>reconciler validate ARGS</c> and <c>reconciler-validate ARGS</c>.</summary>
    public static async Task<(CliResult Cli, CliResult Native)> BothAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        (await InProcessCli.RunAsync(workingDirectory, environment, ["validate", .. args]), await RunAsync(workingDirectory, environment, args));

    public static void AssertSame(CliResult cli, CliResult native)
    {
        Assert.True(cli.ExitCode == native.ExitCode && cli.Out == native.Out && cli.Error == native.Error, $"reconciler validate:\n{cli}\n\nreconciler-validate:\n{native}");
    }
}
