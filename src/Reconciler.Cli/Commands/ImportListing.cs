using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Text;

namespace Reconciler.Cli.Commands;

/// <summary>
/// Which tasks an import is about: the ids given, or the account's task list (every page, or up to the bound, which
/// is reported); and, after a whole-account import, the sub-accounts' tasks it did not import and how to get them.
/// </summary>
internal sealed class ImportListing(ITaskReader api, CliConsole console)
{
    private const int MaxSubAccountsShown = 20;

    /// <summary>The ids to import, each once, in order; <c>Failed</c> when the list could not be read whole.</summary>
    public async Task<(IReadOnlyList<string> Ids, bool Failed)> IdsAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        if (request.TaskIds.Count > 0)
        {
            return (request.TaskIds.Distinct(StringComparer.Ordinal).ToList(), false);
        }

        var list = await api.ListTasksAsync(new TaskListQuery(request.UserId, request.SubUserId, TaskListScope.Account, request.MaxListPages), cancellationToken);
        var failed = false;
        if (list.Platform is { } platform)
        {
            // The platform cannot be reached or refuses the token: one error saying so, not a list problem.
            await console.Error.WriteLineAsync($"reconciler: error: {Show(platform.Message)}");
            return ([], true);
        }

        if (list.Problem is { } problem)
        {
            failed = true;
            await console.Error.WriteLineAsync($"reconciler: error: the task list of {Show(Account(request))} could not be read whole: {Show(problem)}; the {list.Tasks.Count} task(s) listed before are imported");
        }

        if (list.Truncated)
        {
            failed = true;
            var total = list.ReportedTotal is { } t ? $" of the {t} the platform reports" : "";
            await console.Error.WriteLineAsync($"reconciler: error: stopped listing after {list.PagesRead} page(s) (--list-page-limit {request.MaxListPages}) before the platform said the list was done: {list.Tasks.Count} task(s){total} are imported, the rest are not; raise --list-page-limit");
        }

        return (list.TaskIds, failed);
    }

    /// <summary>After importing a main account's whole list: says which sub-accounts' tasks were not imported, and the command that imports them.</summary>
    public async Task HintSubAccountsAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        if (request.TaskIds.Count > 0 || request.SubUserId is not null)
        {
            return;
        }

        var list = await api.ListTasksAsync(new TaskListQuery(request.UserId, null, TaskListScope.AllSubAccounts, request.MaxListPages), cancellationToken);
        if (list.Platform is not null)
        {
            // Already said as the run's error.
            return;
        }

        if (list.Problem is { } problem)
        {
            await console.Out.WriteLineAsync($"Sub-accounts: their tasks could not be listed ({Show(problem)}). A sub-account's tasks are imported with --sub-user-id SUB_USER_ID.");
            return;
        }

        if (list.Tasks.Count == 0)
        {
            return;
        }

        var owners = list.Tasks.GroupBy(t => t.OwnerUserId ?? "").OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var more = list.Truncated ? " (at least: the listing stopped at --list-page-limit)" : "";
        await console.Out.WriteLineAsync($"Sub-accounts: {list.Tasks.Count} task(s){more} of the account's sub-accounts were not imported (the platform's list of all sub-accounts' tasks). Import them one sub-account at a time with --sub-user-id:");
        foreach (var owner in owners.Where(o => o.Key.Length > 0).Take(MaxSubAccountsShown))
        {
            await console.Out.WriteLineAsync($"  reconciler import … --user-id {Show(request.UserId)} --sub-user-id {Show(owner.Key)}   ({owner.Count()} task(s))");
        }

        var unnamed = owners.FirstOrDefault(o => o.Key.Length == 0)?.Count() ?? 0;
        var hidden = owners.Count(o => o.Key.Length > 0) - MaxSubAccountsShown;
        if (hidden > 0)
        {
            await console.Out.WriteLineAsync($"  … and {hidden} more sub-account(s)");
        }

        if (unnamed > 0)
        {
            await console.Out.WriteLineAsync($"  {unnamed} task(s) whose list item names no sub-account (user_id): find their sub-account on the platform");
        }
    }

    private static string Account(ImportRequest request) =>
        request.SubUserId is null ? $"account {request.UserId}" : $"sub-account {request.SubUserId} of {request.UserId}";

    private static string Show(string text) => ControlText.Escape(text);
}
