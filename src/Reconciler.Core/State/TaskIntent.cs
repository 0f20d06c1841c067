using Reconciler.Core.Manifests;

namespace Reconciler.Core.State;

/// <summary>
/// A request about to be sent, recorded before it is (write-ahead). Settled by a definitive answer; an intent
/// left unsettled, or settled as in doubt, means the platform may or may not hold <see cref="BodyHash"/>.
/// </summary>
/// <param name="Id">The attempt id the store gave it (0 before it is recorded).</param>
/// <param name="Operation"><c>update</c> (the PUT) or <c>stop</c> (task_stop).</param>
public sealed record TaskIntent(
    long Id,
    TaskIdentity Identity,
    string Operation,
    string? BodyHash,
    string? Revision,
    DateTimeOffset At)
{
    public const string Update = "update";
    public const string Stop = "stop";

    /// <summary>
    /// When its request can no longer land on the platform (the call's hard end-to-end deadline); null for intents
    /// recorded before deadlines were kept, and for stops. Until then, an unanswered update may still be stored late.
    /// </summary>
    public DateTimeOffset? Deadline { get; init; }
}
