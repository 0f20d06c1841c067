namespace Reconciler.Core.State;

/// <summary>
/// Who a run's revision came from, when it is the merge of a pull request: its number, who merged it, and who approved
/// it (the reviewers whose standing review approved the pull request's last head; <see cref="Guardrails.Approvals"/>).
/// The run's trigger is on the run itself. Null on a run: not known (no GitHub configured, or not looked up).
/// </summary>
/// <param name="PullRequest">The merged pull request, or null when the revision is not the merge of one (a direct push).</param>
public sealed record RunAudit(int? PullRequest, string? MergedBy, IReadOnlyList<string> ApprovedBy)
{
    /// <summary>The revision was looked up and no merged pull request carries it.</summary>
    public static RunAudit DirectPush { get; } = new(null, null, []);

    /// <summary>One line for people: <c>#12 merged by bob, approved by lead-alice, carol</c>.</summary>
    public override string ToString() => PullRequest is not { } number
        ? "not from a pull request"
        : $"#{number} merged by {MergedBy ?? "?"}, approved by {(ApprovedBy.Count == 0 ? "nobody" : string.Join(", ", ApprovedBy))}";
}
