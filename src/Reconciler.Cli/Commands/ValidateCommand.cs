using System.CommandLine;
using Reconciler.Cli.Output;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Validation;

namespace Reconciler.Cli.Commands;

/// <summary><c>reconciler validate [DIR]</c>: every manifest checked, every problem reported, exit 1 if any is invalid.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new ManifestInputOptions();
        var command = new Command("validate", """
            Validate task manifests against the JSON Schemas and the API document's rules.
            Every file is checked and every problem reported, sorted, as
              file:line:col: error: message (/json/pointer)
            on stderr. Exit code 0 when all manifests are valid, 1 when any is invalid.

            Examples:
              reconciler validate sample-repo
              reconciler validate . --include 'tasks/**/*.yaml'
              reconciler validate --repo https://github.com/acme/call-tasks.git --ref main
            """);
        inputs.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(result, inputs, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, ManifestInputOptions inputs, CliConsole console, CancellationToken cancellationToken)
    {
        var (snapshot, prefix) = await inputs.ReadAsync(result, console, cancellationToken);
        var desired = console.NewPipeline().Evaluate(snapshot);
        var diagnostics = DiagnosticOrder.Sort(desired.Invalid.SelectMany(i => i.Diagnostics).Concat(desired.Tasks.SelectMany(t => t.Warnings)));
        foreach (var diagnostic in diagnostics)
        {
            console.Error.WriteLine(DisplayPaths.Apply(diagnostic, prefix));
        }

        var files = snapshot.Files.Count;
        var invalid = desired.Invalid.Count;
        console.Out.WriteLine(invalid == 0
            ? $"{desired.Tasks.Count} task manifest(s) valid in {files} file(s)."
            : $"{invalid} invalid, {desired.Tasks.Count} valid task manifest(s) in {files} file(s).");
        return invalid == 0 ? ExitCodes.Success : ExitCodes.Error;
    }
}
