using Reconciler.Core.Reconciling;

namespace Reconciler.Service.Loop;

/// <summary>
/// <c>POST /rollback</c>'s answer (read by <c>reconciler rollback --service</c> with <see cref="Status.StatusJson"/>).
/// </summary>
/// <param name="Status"><c>planned</c> (the plan only), <c>rolled_back</c>, or <c>refused</c> (nothing sent: see <paramref name="Error"/>).</param>
/// <param name="Plan">The plan of the earlier revision against the live state, as <c>reconciler plan</c> prints it.</param>
/// <param name="Revision">The earlier revision whose manifests were planned or applied (the full commit id).</param>
/// <param name="HeldRevision">After a rollback: the branch's revision the service now holds back until the branch moves.</param>
/// <param name="Outcomes">After a rollback: how many tasks ended in each state.</param>
/// <param name="Error">Why nothing was sent, or the run's error.</param>
public sealed record RollbackAnswer(string Status, string? Plan, string? Revision, string? HeldRevision, RunOutcomes? Outcomes, string? Error)
{
    public const string Planned = "planned";
    public const string RolledBack = "rolled_back";

    public static RollbackAnswer Refused(string error) => new("refused", null, null, null, null, error);
}
