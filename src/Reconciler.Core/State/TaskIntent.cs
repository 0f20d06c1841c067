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
    /// Until when its request may still land on the platform (the call's hard end-to-end deadline): set when recorded,
    /// cleared when it is settled with nothing left that could land (every attempt answered, or none sent). Null for
    /// stops and for intents recorded before deadlines were kept.
    /// </summary>
    public DateTimeOffset? Deadline { get; init; }
}
