using System.CommandLine;
using Reconciler.Cli.Output;

namespace Reconciler.Cli.Commands;

/// <summary><c>reconciler validate [DIR|FILE]</c>: every manifest checked, every problem reported, exit 1 if any is invalid or none was found.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new ManifestInputOptions();
        inputs.Directory.Description = "Directory holding the task manifests, or one manifest file; the current directory when omitted. Not used with --repo.";
        var format = EnumOption.Create<ValidateFormat>("--format", "Output format: text (diagnostics on stderr, the default) or json (one document on stdout: counts and every diagnostic).");
        var command = new Command("validate", """
            Validate task manifests against the JSON Schemas and the API document's rules.
            Every file is checked and every problem reported, sorted, as
              file:line:col: error: message (/json/pointer)
            on stderr. Exit code 0 when all manifests are valid, 1 when any is invalid or when no
            manifest was found at all (an empty or mistyped directory).

            Examples:
              reconciler validate sample-repo
              reconciler validate sample-repo/tasks/collections/credit-card-overdue-east.yaml
              reconciler validate . --include 'tasks/**/*.yaml' --format json
              reconciler validate --repo https://github.com/acme/call-tasks.git --ref main
            """);
        inputs.AddTo(command);
        command.Options.Add(format);
        command.SetAction((result, cancellationToken) => RunAsync(result, inputs, result.GetValue(format), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, ManifestInputOptions inputs, ValidateFormat format, CliConsole console, CancellationToken cancellationToken)
    {
        using var input = await inputs.ReadAsync(result, console, cancellationToken, allowFile: true);
        var desired = console.NewPipeline().Evaluate(input.Snapshot);
        var where = result.GetValue(inputs.Repository) is { } repository ? $"{repository} ({result.GetValue(inputs.Ref)})" : result.GetValue(inputs.Directory) ?? ".";
        var report = ValidationReport.From(input.Snapshot, desired, input.DisplayPrefix, ValidationReport.NothingFoundMessage(where, result.GetValue(inputs.Include) ?? []));
        return format == ValidateFormat.Json
            ? await report.WriteJsonAsync(console.Out)
            : await report.WriteTextAsync(console.Out, console.Error);
    }
}
