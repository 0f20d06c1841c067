using System.Reflection;
using Reconciler.Cli;
using Reconciler.Cli.Commands;
using Reconciler.Cli.Output;
using Reconciler.Core.Text;
using Reconciler.Core.Validation;

namespace Reconciler.Validate;

/// <summary><c>reconciler-validate [PATH]</c>: <c>reconciler validate</c> for a directory or a file, natively compiled.</summary>
internal static class ValidateProgram
{
    public static async Task<int> RunAsync(string[] args, ValidateConsole console)
    {
        // Every configured token is cut out of everything printed, and flagged where a manifest holds one, as in the CLI.
        var secrets = CliSecrets.Read(console.Environment, console.EnvironmentNames);
        var (output, error) = secrets.IsEmpty ? (console.Out, console.Error) : (new RedactingTextWriter(console.Out, secrets), new RedactingTextWriter(console.Error, secrets));
        try
        {
            var (arguments, problem) = ValidateArguments.Parse(args);
            if (arguments is null)
            {
                await error.WriteLineAsync($"reconciler-validate: {ControlText.Escape(problem!)}");
                await error.WriteLineAsync("Try 'reconciler-validate --help'.");
                return ExitCodes.Error;
            }

            if (arguments.Help || arguments.Version)
            {
                await output.WriteLineAsync(arguments.Help ? ValidateArguments.Usage : Version());
                return ExitCodes.Success;
            }

            var typed = arguments.Path ?? ".";
            var (snapshot, prefix) = LocalManifests.Read(typed, Path.GetFullPath(typed, console.WorkingDirectory), LocalManifests.Glob(arguments.Include, arguments.Exclude));
            var desired = new ManifestPipeline(new ManifestEvaluator(rules: ManifestRules.WithSecretCheck(secrets))).Evaluate(snapshot);
            var report = ValidationReport.From(snapshot, desired, prefix, ValidationReport.NothingFoundMessage(typed, arguments.Include));
            return arguments.Json ? await report.WriteJsonAsync(output) : await report.WriteTextAsync(output, error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As the CLI says an expected failure: one plain line.
            await error.WriteLineAsync($"reconciler: error: {ControlText.Escape(e.Message)}");
            return ExitCodes.Error;
        }
        finally
        {
            await output.FlushAsync();
            await error.FlushAsync();
        }
    }

    private static string Version() =>
        typeof(ValidateProgram).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
