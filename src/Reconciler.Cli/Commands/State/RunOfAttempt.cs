using System.Text.Json.Nodes;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.Text;

namespace Reconciler.Cli.Commands.State;

/// <summary>
/// The run an attempt was made in (same revision, the latest run started at or before it), for <c>state history</c>'s
/// audit: the run's trigger, and where its revision came from (pull request, merged by, approved by) when recorded.
/// </summary>
internal sealed class RunOfAttempt(IReadOnlyList<RunRecord> runs)
{
    private readonly ILookup<string, RunRecord> _byRevision = runs.Where(r => r.Revision is not null).ToLookup(r => r.Revision!, StringComparer.Ordinal);

    public RunRecord? For(ApplyAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return attempt.Revision is null ? null : _byRevision[attempt.Revision].Where(r => r.StartedAt <= attempt.At).MaxBy(r => r.StartedAt);
    }

    /// <summary><c>  (run: webhook; #12 merged by bob, approved by lead-alice)</c>, or "" when the run is not known.</summary>
    public string Suffix(ApplyAttempt attempt) => For(attempt) is { } run
        ? $"  (run: {run.Trigger.ToWord()}{(run.Audit is { } audit ? "; " + ControlText.Escape(audit.ToString()) : "")})"
        : "";

    /// <summary>The attempt's JSON with <c>trigger</c> and <c>audit</c> added (null when not known).</summary>
    public JsonObject Json(ApplyAttempt attempt)
    {
        var json = StateViews.Attempt(attempt);
        var run = For(attempt);
        json["trigger"] = run?.Trigger.ToWord();
        json["audit"] = run?.Audit is { } audit
            ? new JsonObject
            {
                ["pull_request"] = audit.PullRequest,
                ["merged_by"] = audit.MergedBy,
                ["approved_by"] = new JsonArray(audit.ApprovedBy.Select(a => (JsonNode?)a).ToArray()),
            }
            : null;
        return json;
    }
}
