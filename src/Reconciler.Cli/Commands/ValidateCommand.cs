using System.CommandLine;
using System.Text.Json.Nodes;
using Reconciler.Cli.Output;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Json;
using Reconciler.Core.Text;
using Reconciler.Core.Validation;

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
        var (snapshot, prefix) = (input.Snapshot, input.DisplayPrefix);
        var desired = console.NewPipeline().Evaluate(snapshot);
        var diagnostics = DiagnosticOrder.Sort(desired.Invalid.SelectMany(i => i.Diagnostics).Concat(desired.Tasks.SelectMany(t => t.Warnings)))
            .Select(d => DisplayPaths.Apply(d, prefix)).ToList();
        var files = snapshot.Files.Count;
        var invalid = desired.Invalid.Count;
        var nothing = files == 0 && invalid == 0 && desired.Tasks.Count == 0;
        var where = result.GetValue(inputs.Repository) is { } repository ? $"{repository} ({result.GetValue(inputs.Ref)})" : result.GetValue(inputs.Directory) ?? ".";
        var nothingFound = $"no task manifests found under '{ControlText.Escape(where)}' (looked for {DescribeGlob(result, inputs)}; hidden directories are skipped)";

        if (format == ValidateFormat.Json)
        {
            var document = new JsonObject
            {
                ["valid"] = invalid == 0 && !nothing,
                ["files"] = files,
                ["tasks"] = desired.Tasks.Count,
                ["invalid"] = invalid,
                ["errors"] = diagnostics.Count(d => d.IsError),
                ["warnings"] = diagnostics.Count(d => !d.IsError),
                ["problem"] = nothing ? nothingFound : null,
                ["diagnostics"] = new JsonArray(diagnostics.Select(Json).ToArray<JsonNode?>()),
            };
            await console.Out.WriteAsync(ControlText.EscapeJson(CanonicalJson.Serialize(document, indented: true)) + "\n");
            return invalid == 0 && !nothing ? ExitCodes.Success : ExitCodes.Error;
        }

        foreach (var diagnostic in diagnostics)
        {
            await console.Error.WriteLineAsync(diagnostic.ToString());
        }

        if (nothing)
        {
            throw new CliException(nothingFound);
        }

        await console.Out.WriteLineAsync(invalid == 0
            ? $"{desired.Tasks.Count} task manifest(s) valid in {files} file(s)."
            : $"{invalid} invalid, {desired.Tasks.Count} valid task manifest(s) in {files} file(s).");
        return invalid == 0 ? ExitCodes.Success : ExitCodes.Error;
    }

    private static string DescribeGlob(ParseResult result, ManifestInputOptions inputs) =>
        result.GetValue(inputs.Include) is { Length: > 0 } include ? string.Join(", ", include) : "**/*.yaml and **/*.yml";

    /// <summary>The same fields as a diagnostic in the JSON plan (docs/plan-json.md).</summary>
    private static JsonObject Json(Diagnostic diagnostic) => new()
    {
        ["severity"] = diagnostic.IsError ? "error" : "warning",
        ["code"] = diagnostic.Code,
        ["message"] = diagnostic.Message,
        ["file"] = diagnostic.Location?.File,
        ["line"] = diagnostic.Location?.Line,
        ["column"] = diagnostic.Location?.Column,
        ["json_path"] = diagnostic.JsonPath,
    };
}
