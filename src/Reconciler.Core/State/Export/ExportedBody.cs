namespace Reconciler.Core.State.Export;

/// <summary>One <c>accepted_bodies</c> row: a body the platform accepted, by its hash (what <c>state history --diff</c> reads).</summary>
public sealed record ExportedBody(string BodyHash, string Body);
