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

    public static string? NameOf(AppliedRecord record) =>
        JsonNode.Parse(record.Body.Json)?["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text : null;

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

    /// <summary>TASK as typed: a task id, or USER_ID/TASK_ID when one task id is used by several accounts.</summary>
    /// <exception cref="CliException">No such task in the state, or ambiguous.</exception>
    public static TaskIdentity Resolve(string task, IEnumerable<TaskIdentity> known)
    {
        var matches = known.Where(k => k.ToString() == task || k.TaskId == task).Distinct().ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliException($"task '{task}' is not in the state (see reconciler state list)"),
            _ => throw new CliException($"task id '{task}' is used by {matches.Count} accounts: write USER_ID/TASK_ID ({string.Join(", ", matches)})"),
        };
    }
}
