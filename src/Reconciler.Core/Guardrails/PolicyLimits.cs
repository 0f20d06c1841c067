namespace Reconciler.Core.Guardrails;

/// <summary>
/// Plan-level limits on the blast radius of one revision: how many tasks, and how many accounts, one plan may change
/// (updates and adoptions). Null: no limit. An account is the task's sub-account when it has one, else its main
/// account (our choice: the sub-account is whose calls change).
/// </summary>
public sealed record PolicyLimits(int? MaxChangedTasks, int? MaxChangedAccounts)
{
    public static PolicyLimits None { get; } = new(null, null);
}
