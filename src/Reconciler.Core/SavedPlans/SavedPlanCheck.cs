using System.Globalization;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.Core.Validation;

namespace Reconciler.Core.SavedPlans;

/// <summary>
/// Whether a saved plan may still be applied, as a pure function of the plan and what is true now: its age, the
/// endpoint, which state this is and how far it moved, and for every planned task its last-applied record, its
/// in-doubt intent and its manifest. Every reason is collected (a refusal names every stale task), none thrown.
/// </summary>
public static class SavedPlanCheck
{
    /// <param name="now">What is true when applying (read while holding the state's apply lock).</param>
    public static IReadOnlyList<Staleness> Check(SavedPlan plan, SavedPlanNow now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(now);
        var stale = new List<Staleness>();
        var age = now.At - plan.CreatedAt;
        if (age > now.MaxAge)
        {
            stale.Add(Plan($"it was made {Duration(age)} ago ({plan.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}), longer than the {Duration(now.MaxAge)} a saved plan may wait (--max-plan-age)"));
        }

        if (plan.State.Endpoint != now.Endpoint)
        {
            stale.Add(Plan($"it was made for the endpoint {plan.State.Endpoint}; this apply sends to {now.Endpoint} (--api-url)"));
        }
        else if (now.BoundEndpoint is { } bound && bound != now.Endpoint)
        {
            stale.Add(Plan($"the state is bound to the endpoint {bound}, not to {now.Endpoint} it was made for"));
        }

        if (plan.State.StoreId is { } storeId && storeId != now.Version.StoreId)
        {
            stale.Add(Plan($"it was made for another state (store {storeId} at {plan.State.Location}); this state is store {now.Version.StoreId}"));
            return stale;
        }

        if (plan.State.Serial != now.Version.Serial)
        {
            stale.Add(Plan(plan.State.StoreId is null
                ? $"it was made when there was no state, and this state has changed since (serial {now.Version.Serial})"
                : $"the state changed since the plan (serial {plan.State.Serial} → {now.Version.Serial}): another apply, a takeover, a forget or a rebind wrote to it"));
        }

        var tasks = now.Desired.Tasks.ToDictionary(t => t.Identity);
        var invalid = now.Desired.Invalid.OfIdentified().GroupBy(x => x.Identity).ToDictionary(g => g.Key, g => g.First().Invalid);
        foreach (var entry in plan.Entries)
        {
            foreach (var reason in Record(entry, now).Concat(Manifest(entry, tasks, invalid, now.Desired)))
            {
                stale.Add(new Staleness(entry.Identity, entry.Name, reason));
            }
        }

        return stale;
    }

    private static IEnumerable<string> Record(SavedEntry entry, SavedPlanNow now)
    {
        var current = now.Applied.GetValueOrDefault(entry.Identity)?.Body.Hash;
        if (current != entry.Replaces)
        {
            yield return (entry.Replaces, current) switch
            {
                (null, _) => "it was applied since the plan, which adopts it",
                (_, null) => "its last-applied record is gone since the plan (forgotten, or the state was re-bound)",
                _ => $"its last-applied body changed since the plan ({Short(entry.Replaces)} → {Short(current)})",
            };
        }

        var inDoubt = now.InDoubt.GetValueOrDefault(entry.Identity);
        if (inDoubt?.Id != entry.InDoubtIntent)
        {
            yield return inDoubt is null
                ? "its last attempt was settled since the plan (it was in doubt)"
                : $"an attempt since the plan left it in doubt ({inDoubt.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}): the platform may hold another body";
        }
    }

    private static IEnumerable<string> Manifest(SavedEntry entry, Dictionary<TaskIdentity, TaskManifest> tasks, Dictionary<TaskIdentity, InvalidManifest> invalid, DesiredState desired)
    {
        var task = tasks.GetValueOrDefault(entry.Identity);
        if (entry.Action == PlanAction.Unmanage)
        {
            if (task is not null || invalid.ContainsKey(entry.Identity))
            {
                yield return $"the plan forgets it, but a manifest claims it again ({(task?.Location ?? invalid[entry.Identity].Location)})";
            }
            else if (!desired.IsComplete)
            {
                // As the planner holds every unmanage while a file is unreadable or invalid, so does a saved plan.
                yield return $"the plan forgets it, but the manifests are not complete now ({desired.UnreadableFiles.Count + desired.UnreadableDirectories.Count} file(s) or folder(s) could not be read or hold an invalid manifest), so nothing is unmanaged";
            }

            yield break;
        }

        if (task is null)
        {
            yield return invalid.TryGetValue(entry.Identity, out var broken) ? $"its manifest is invalid now ({broken.Location})" : $"its manifest is gone (was {entry.File})";
            yield break;
        }

        if (task.Suspend)
        {
            yield return $"its manifest is suspended now ({task.Location})";
        }
        else if (task.Body.Hash != entry.Body!.Hash)
        {
            yield return $"its manifest changed since the plan ({task.File}: body {Short(entry.Body.Hash)} → {Short(task.Body.Hash)})";
        }
        else if (task.Location.File != entry.File)
        {
            // Where the task is written (a CSV row's file for an item of a TaskSet), as the plan saved it.
            yield return $"its manifest moved since the plan ({entry.File} → {task.Location.File})";
        }

        if (task.StopBeforeUpdate != entry.StopBeforeUpdate)
        {
            yield return $"metadata.stop_before_update changed since the plan (now {task.StopBeforeUpdate.ToString().ToLowerInvariant()})";
        }
    }

    private static Staleness Plan(string reason) => new(null, null, reason);

    private static string Short(string? hash) => hash is null ? "none" : hash[..Math.Min(12, hash.Length)];

    private static string Duration(TimeSpan value) => value.TotalDays >= 2
        ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalDays:0.#} days")
        : value.TotalHours >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalHours:0.#} hours")
        : value.TotalMinutes >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalMinutes:0} minutes")
        : value.TotalSeconds >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0} seconds")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, value.TotalMilliseconds):0} ms");
}
