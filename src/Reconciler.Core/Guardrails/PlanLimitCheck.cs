using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Guardrails;

/// <summary>
/// The policy's plan-level limits: when one revision would change more tasks or accounts than the repository allows,
/// the plan says so (an error beside the entries, located at the limit in the policy file) and every change in it is
/// held back as <see cref="DeferralKind.PolicyBlocked"/>: a blast-radius limit that sent the first 500 would not be one.
/// </summary>
public static class PlanLimitCheck
{
    public const string Code = "policy-limit";

    public static Plan Apply(Plan plan, RepositoryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(policy);
        var problems = Check(plan, policy);
        if (problems.Count == 0)
        {
            return plan with { Policy = policy };
        }

        var reason = string.Join("; ", problems.Select(p => p.Message));
        var entries = plan.Entries
            .Select(e => e.WillSend ? e with { Deferral = new Deferral(DeferralKind.PolicyBlocked, reason) } : e)
            .ToList();
        return plan with { Entries = entries, PolicyProblems = [.. plan.PolicyProblems, .. problems], Policy = policy };
    }

    public static IReadOnlyList<Diagnostic> Check(Plan plan, RepositoryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(policy);
        var changed = plan.Entries.Where(e => e.Action.SendsPut()).ToList();
        var accounts = changed.Select(AccountOf).Distinct(StringComparer.Ordinal).Count();
        var problems = new List<Diagnostic>();
        if (policy.Limits.MaxChangedTasks is { } maxTasks && changed.Count > maxTasks)
        {
            problems.Add(Diagnostic.Error(Code, $"policy limit max_changed_tasks: this plan changes {changed.Count} tasks, more than the {maxTasks} allowed; split the change into smaller pull requests", policy.LimitsLocation, "/limits/max_changed_tasks"));
        }

        if (policy.Limits.MaxChangedAccounts is { } maxAccounts && accounts > maxAccounts)
        {
            problems.Add(Diagnostic.Error(Code, $"policy limit max_changed_accounts: this plan changes tasks of {accounts} accounts, more than the {maxAccounts} allowed; split the change into smaller pull requests", policy.LimitsLocation, "/limits/max_changed_accounts"));
        }

        return problems;
    }

    /// <summary>The account a change is of: its sub-account when it has one, else its main account (our choice, docs/policies.md).</summary>
    public static string AccountOf(PlanEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Desired?.SubUserId ?? entry.Identity.UserId;
    }
}
