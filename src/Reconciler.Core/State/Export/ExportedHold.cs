namespace Reconciler.Core.State.Export;

/// <summary>One <c>revision_holds</c> row as stored: the hold (with its id) and, once released, when and why.</summary>
public sealed record ExportedHold(RevisionHold Hold, DateTimeOffset? ReleasedAt, string? ReleasedReason);
