using Reconciler.Core.Tasks;

namespace Reconciler.Service.Notifications;

/// <summary>One notification: a task's new problem (or its recovery), with what the status page shows about it.</summary>
/// <param name="Previous">The problem it had before (for <see cref="TaskEventKind.Recovered"/>, the one it recovered from).</param>
public sealed record TaskEvent(
    TaskEventKind Kind,
    TaskEventKind? Previous,
    TaskStanding Task,
    string Repository,
    string? Revision,
    DateTimeOffset At);
