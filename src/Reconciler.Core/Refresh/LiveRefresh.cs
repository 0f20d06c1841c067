using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Applying;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Importing;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Refresh;

/// <summary>
/// <c>--refresh</c>: reads the live detail of every managed task (bounded concurrency, the client's retries) and
/// turns what it finds into plan data: an unchanged task whose live values differ becomes an update with reason
/// <see cref="UpdateReason.Drift"/>, showing live → desired per field; fields the detail does not carry are listed
/// as not compared; a read that fails is a warning on the task, never a silent "unchanged". The run state read on
/// the way is kept, so no second request is needed for the running check.
/// </summary>
internal static class LiveRefresh
{
    /// <param name="selection">Which of the readable tasks to read now; null: all of them.</param>
    /// <param name="early">Reads of recorded tasks started before planning (<see cref="EarlyReads"/>); each is taken for the entry of its task when read for the same account.</param>
    public static async Task<Plan> RefreshAsync(Plan plan, ITaskReader api, int parallelism, CancellationToken cancellationToken, IRefreshSelection? selection = null, EarlyReads? early = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(api);
        IReadOnlyList<PlanEntry> toRead = plan.Entries.Where(e => e.Desired is not null && e.Action is PlanAction.Unchanged or PlanAction.Update or PlanAction.Adopt).ToList();
        toRead = selection?.Choose(toRead) ?? toRead;

        var readEarly = early is null ? null : await early.FinishAsync();
        var taken = new Dictionary<PlanEntry, RemoteTaskRead>();
        foreach (var entry in readEarly is null ? [] : toRead)
        {
            if (readEarly!.TryGetValue(entry.Identity, out var read) && read.SubUserId == entry.Desired?.SubUserId)
            {
                taken[entry] = read.Read;
            }
        }

        // Each read is bounded by the client's read timeout; the refresh as a whole is not (it runs on the resync timer only).
        var rest = taken.Count == 0 ? toRead : toRead.Where(e => !taken.ContainsKey(e)).ToList();
        var reads = await DetailReads.ReadAsync(rest, api, parallelism, budget: null, TimeProvider.System, cancellationToken, selection?.Yield ?? default);
        if (taken.Count > 0)
        {
            reads = taken.Concat(reads).ToDictionary();
        }
        if (selection is not null && reads.Count < toRead.Count)
        {
            selection.NotRead(toRead.Where(e => !reads.ContainsKey(e)).ToList());
        }

        // Each entry is compared with its own read alone: on every core, in plan order (a refresh of 1,000 tasks used to
        // end with 1,000 comparisons on one thread after the last answer).
        var entries = new List<PlanEntry>(plan.Entries.Count);
        ParallelRows.Map(plan.Entries, e => reads.TryGetValue(e, out var read) && e.Desired is { } desired ? Apply(e, desired, read) : e, entries.Add);
        return plan with { Entries = entries };
    }

    /// <summary>
    /// The entry's diagnostics plus a warning per field the live task holds (a body field of its flavour, not null) and
    /// the manifest omits, unless the last-applied record already gave that warning: the update about to be sent goes
    /// without it, and the platform was read to hold it (an adopt included, which no record could warn about).
    /// </summary>
    private static IReadOnlyList<Diagnostic> WithOmitted(PlanEntry entry, TaskManifest desired, JsonObject detail)
    {
        var warned = entry.Diagnostics.Where(d => d.Code == "field-omitted").Select(d => d.JsonPath).ToHashSet(StringComparer.Ordinal);
        var live = ImportedTask.PlatformBody(detail, desired.Flavour);
        var omitted = JsonDiff.OmittedFields(live, desired.Body.ToNode())
            .Where(path => path != "/sub_user_id" && !warned.Contains("/spec" + path))
            .Select(path => Diagnostic.Warning("field-omitted", Planner.OmittedMessage(path, "is set on the platform (read by --refresh)"), entry.Location, "/spec" + path))
            .ToList();
        return omitted.Count == 0 ? entry.Diagnostics : DiagnosticOrder.Sort([.. entry.Diagnostics, .. omitted]);
    }

    private static PlanEntry Apply(PlanEntry entry, TaskManifest desired, RemoteTaskRead read)
    {
        if (read is not { State: { } state, Detail: { } detail })
        {
            var warning = Diagnostic.Warning(
                read.TimedOut ? "slow-answer" : "refresh-failed",
                $"could not read the live task ({read.Problem ?? "no detail"}): compared with the last-applied state only; drift is unknown",
                entry.Location);
            var noted = entry with { Diagnostics = DiagnosticOrder.Sort([.. entry.Diagnostics, warning]) };

            // A change whose task did not answer in time is skipped for this pass, as the running check would skip it.
            return read.TimedOut && noted.WillSend ? noted with { Deferral = DetailReads.SlowAnswer(read) } : noted;
        }

        var comparison = LiveComparison.Compare(desired.Body, read.DetailAsElement()!.Value);
        var refreshed = entry.Action switch
        {
            PlanAction.Unchanged when comparison.Drifted => entry with { Action = PlanAction.Update, Reason = UpdateReason.Drift, Changes = comparison.Changes },

            // Adopting overwrites what is live: show what would actually change, not every field as new.
            PlanAction.Adopt => entry with { Changes = comparison.Changes },
            _ => entry,
        };
        refreshed = refreshed with { NotCompared = comparison.NotCompared, Refreshed = true, LiveChanges = comparison.Changes, Diagnostics = refreshed.Action.SendsPut() ? WithOmitted(refreshed, desired, detail) : refreshed.Diagnostics };
        return refreshed.Action.SendsPut() ? RemoteStateChecker.WithRemote(refreshed, state) : refreshed with { Remote = state };
    }
}
