namespace Reconciler.Core.State.Export;

/// <summary>One intent row as stored: the intent (with its id) and how it was settled, if it was.</summary>
/// <param name="Outcome">The outcome word the store settled it with (e.g. <c>applied</c>, <c>rebound</c>); null while unsettled.</param>
public sealed record ExportedIntent(TaskIntent Intent, DateTimeOffset? SettledAt, string? Outcome);
