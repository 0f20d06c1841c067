namespace TaskApi.Simulator.Control;

/// <summary><c>PUT /_simulator/lines/{line_id}</c> and a seed file's <c>lines</c> entry: the line's residue (null: no limit).</summary>
internal sealed record LineRequest(string? Id = null, long? Residue = null);
