using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Json;
using Reconciler.Core.Manifests;
using Reconciler.Core.Rendering;
using Reconciler.Core.Text;
using Reconciler.Core.Validation;

namespace Reconciler.Cli.Output;

/// <summary>
/// What <c>validate</c> reports for one snapshot: the diagnostics in order with paths as the user sees them, the
/// counts, the text and JSON forms and the exit code. One source for <c>reconciler validate</c> and the native
/// <c>reconciler-validate</c> (src/Reconciler.Validate compiles this same file), so the two cannot say different things.
/// </summary>
/// <param name="NothingFound">What to say when no manifest was found at all (an empty or mistyped directory).</param>
internal sealed record ValidationReport(IReadOnlyList<Diagnostic> Diagnostics, int Files, int Tasks, int Invalid, string NothingFound)
{
    public static ValidationReport From(SourceSnapshot snapshot, DesiredState desired, string prefix, string nothingFound) => new(
        DiagnosticOrder.Sort(desired.Invalid.SelectMany(i => i.Diagnostics).Concat(desired.Tasks.SelectMany(t => t.Warnings)))
            .Select(d => DisplayPaths.Apply(d, prefix)).ToList(),
        snapshot.Files.Count,
        desired.Tasks.Count,
        desired.Invalid.Count,
        nothingFound);

    /// <param name="where">The directory (or repository) as the user named it.</param>
    /// <param name="include">The <c>--include</c> globs given, if any.</param>
    public static string NothingFoundMessage(string where, IReadOnlyList<string> include) =>
        $"no task manifests found under '{ControlText.Escape(where)}' (looked for {(include.Count > 0 ? string.Join(", ", include) : "**/*.yaml and **/*.yml")}; hidden directories are skipped)";

    public bool FoundNothing => Files == 0 && Invalid == 0 && Tasks == 0;

    public int ExitCode => Invalid == 0 && !FoundNothing ? ExitCodes.Success : ExitCodes.Error;

    /// <summary>The text form: every diagnostic on <paramref name="error"/>, then the summary line on <paramref name="output"/> (or the error line when nothing was found).</summary>
    public async Task<int> WriteTextAsync(TextWriter output, TextWriter error)
    {
        foreach (var diagnostic in Diagnostics)
        {
            await error.WriteLineAsync(diagnostic.ToString());
        }

        if (FoundNothing)
        {
            // Worded and escaped as every other command error of the CLI ("reconciler: error: ...").
            await error.WriteLineAsync($"reconciler: error: {ControlText.Escape(NothingFound)}");
            return ExitCodes.Error;
        }

        await output.WriteLineAsync(Invalid == 0
            ? $"{Tasks} task manifest(s) valid in {Files} file(s)."
            : $"{Invalid} invalid, {Tasks} valid task manifest(s) in {Files} file(s).");
        return ExitCode;
    }

    /// <summary>The JSON form: one document on <paramref name="output"/>, counts and every diagnostic.</summary>
    public async Task<int> WriteJsonAsync(TextWriter output)
    {
        var document = new JsonObject
        {
            ["valid"] = ExitCode == ExitCodes.Success,
            ["files"] = Files,
            ["tasks"] = Tasks,
            ["invalid"] = Invalid,
            ["errors"] = Diagnostics.Count(d => d.IsError),
            ["warnings"] = Diagnostics.Count(d => !d.IsError),
            ["problem"] = FoundNothing ? NothingFound : null,
            ["diagnostics"] = new JsonArray(Diagnostics.Select(JsonPlanRenderer.Diagnostic).ToArray<JsonNode?>()),
        };
        await output.WriteAsync(ControlText.EscapeJson(CanonicalJson.Serialize(document, indented: true)) + "\n");
        return ExitCode;
    }
}
