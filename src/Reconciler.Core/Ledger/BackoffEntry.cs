using Reconciler.Core.Manifests;
using Reconciler.Core.State;

namespace Reconciler.Core.Ledger;

/// <summary>A task's streak of attempts that did not apply: why it is held back, and until when.</summary>
/// <param name="Outcome">How the last of them ended: blocked, failed, unauthorized or rejected.</param>
/// <param name="Failures">Attempts in a row that ended blocked, failed, unauthorized or rejected.</param>
/// <param name="BodyHash">The body those attempts sent: a different desired body is tried at once.</param>
/// <param name="RetryAt">When the next attempt is allowed; null for rejected (only a change to the manifest retries it).</param>
internal sealed record BackoffEntry(
    TaskIdentity Identity,
    ApplyOutcome Outcome,
    int Failures,
    DateTimeOffset LastAttemptAt,
    string? BodyHash,
    int? ApiCode,
    string? Message,
    DateTimeOffset? RetryAt);
