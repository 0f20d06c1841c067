using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;

namespace Reconciler.Core.Planning;

/// <summary>
/// The plan for one task. Pure data: renderers and the applier read it; nothing in it performs work. Every entry names
/// its task: a document whose identity could not be read is a plan problem (<see cref="UnidentifiedDocument"/>).
/// </summary>
/// <param name="Identity">The task (an invalid document's too, when its identity could be read).</param>
/// <param name="Location">The manifest's location; for <c>unmanage</c>, the file the record came from.</param>
/// <param name="Changes">Field-level differences (update only; empty otherwise).</param>
/// <param name="Diagnostics">Errors (invalid) and warnings (e.g. a field applied before and now omitted).</param>
public sealed record PlanEntry(
    PlanAction Action,
    TaskIdentity Identity,
    string? Name,
    SourceLocation? Location,
    IReadOnlyList<FieldChange> Changes,
    IReadOnlyList<Diagnostic> Diagnostics) : IPlanRow
{
    /// <summary>The desired task (not set for unmanage and invalid).</summary>
    public TaskManifest? Desired { get; init; }

    /// <summary>The compared-with record (last applied, or the base revision's manifest), when there is one.</summary>
    public BaselineRecord? Baseline { get; init; }

    /// <summary>Why an <see cref="PlanAction.Update"/> is one (null for every other action).</summary>
    public UpdateReason? Reason { get; init; }

    /// <summary>Set when the change is planned but not sent now (running, held back, outside the sync window).</summary>
    public Deferral? Deferral { get; init; }

    /// <summary>With refresh: body fields the live task's detail does not carry, so they could not be compared.</summary>
    public IReadOnlyList<string> NotCompared { get; init; } = [];

    /// <summary>With refresh: whether the live task was read (false: not refreshed, or the read failed — see the warnings).</summary>
    public bool Refreshed { get; init; }

    /// <summary>With refresh: the compared fields whose live value differs from the manifest (live → desired), whatever the action.</summary>
    public IReadOnlyList<FieldChange>? LiveChanges { get; init; }

    /// <summary>The unsettled (or in-doubt) intent that makes this task in doubt, when there is one.</summary>
    public TaskIntent? InDoubt { get; init; }

    /// <summary>The task's live state on the platform, when it was checked before applying.</summary>
    public RemoteTaskState? Remote { get; init; }

    public string? File => Location?.File;

    /// <summary>
    /// The TaskSet the task belongs to (its name): from the manifest, or for <c>unmanage</c> from the baseline record.
    /// Null for a plain Task manifest. Lets renderers group a set's changes and <c>--target</c> take a set name.
    /// </summary>
    public string? SetName { get; init; }

    /// <summary>The task is running and not allowed to be stopped: the update would be answered with 6007.</summary>
    public bool IsBlockedByRunningTask => Deferral is { Kind: DeferralKind.Running };

    /// <summary>Apply sends this entry's PUT now: it changes something and nothing defers it.</summary>
    public bool WillSend => Action.SendsPut() && Deferral is null;

    /// <summary>The task is running and its manifest allows stopping it: it will be stopped and left stopped.</summary>
    public bool WillStopTask => Action.SendsPut() && Remote is { Running: true } && Desired is { StopBeforeUpdate: true };

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}
