namespace Reconciler.Core.State.Export;

/// <summary>One run row as stored, with its id.</summary>
public sealed record ExportedRun(long Id, RunRecord Run);
