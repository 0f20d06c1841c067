using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Core.Text;

namespace Reconciler.Cli.Commands.State;

/// <summary>How the state commands show records: JSON (snake_case, Chinese as is) or aligned text lines.</summary>
internal static class StateViews
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? NameOf(AppliedRecord? record) =>
        record is null ? null : JsonNode.Parse(record.Body.Json)?["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text : null;

    public static JsonObject Attempt(ApplyAttempt attempt) => new()
    {
        ["at"] = attempt.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["user_id"] = attempt.Identity.UserId,
        ["task_id"] = attempt.Identity.TaskId,
        ["outcome"] = attempt.Outcome.ToWord(),
        ["api_code"] = attempt.ApiCode,
        ["message"] = attempt.Message,
        ["revision"] = attempt.Revision,
        ["body_hash"] = attempt.BodyHash,
        ["duration_ms"] = (long)attempt.Duration.TotalMilliseconds,
    };

    public static string AttemptLine(ApplyAttempt attempt) =>
        $"{attempt.At:u}  {attempt.Identity}  {attempt.Outcome.ToWord(),-12}{(attempt.ApiCode is { } code ? $" [code {code}]" : "")}{(string.IsNullOrEmpty(attempt.Message) ? "" : ": " + ControlText.Escape(attempt.Message))}";

    /// <summary>
    /// A body for people: indented JSON, one line per field, Chinese as written. Each line is escaped on its own, so a
    /// control or bidi character in a value is shown (<c>\x1B</c>, <c>\u202E</c>) while the line breaks stay line breaks.
    /// </summary>
    public static IEnumerable<string> BodyLines(string json) =>
        JsonNode.Parse(json)!.ToJsonString(Json).Split('\n').Select(line => ControlText.Escape(line.TrimEnd('\r')));
}
