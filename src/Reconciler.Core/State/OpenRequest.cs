using Reconciler.Core.Manifests;

namespace Reconciler.Core.State;

/// <summary>
/// An update request that may still land on the platform: sent (or about to be) and not known to be over — unanswered,
/// or answered while an earlier attempt of it went unanswered — and its deadline not passed. Until then a newer body
/// sent for the task could be overwritten by it.
/// </summary>
/// <param name="BodyHash">The body it carries: a late landing of the same body changes nothing.</param>
/// <param name="At">When its intent was recorded.</param>
/// <param name="Deadline">When it can no longer land (the call's hard end-to-end deadline).</param>
public sealed record OpenRequest(TaskIdentity Identity, string? BodyHash, DateTimeOffset At, DateTimeOffset Deadline);
