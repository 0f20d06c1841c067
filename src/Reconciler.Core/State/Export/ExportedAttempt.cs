namespace Reconciler.Core.State.Export;

/// <summary>One attempt row as stored: its id, the attempt, and the intent it settles (null for an attempt that sent nothing).</summary>
public sealed record ExportedAttempt(long Id, ApplyAttempt Attempt, long? IntentId);
