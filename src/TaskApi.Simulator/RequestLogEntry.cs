using TaskApi.Simulator.Faults;

namespace TaskApi.Simulator;

/// <summary>One request to the platform endpoints, recorded when its handling ended.</summary>
/// <param name="Sequence">Arrival order, from 1.</param>
/// <param name="Path">The request path without query string (no headers are ever recorded).</param>
/// <param name="HttpStatus">The status sent, or null when the connection was dropped or the client gave up.</param>
/// <param name="ApiCode">The <c>code</c> of the JSON answer, when one was sent.</param>
/// <param name="Fault">The injected fault that shaped this answer, if any.</param>
/// <param name="Client">The label of the client token that authenticated the request (see <c>RegisterClientToken</c>), if it was one.</param>
public sealed record RequestLogEntry(
    long Sequence,
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    ApiOperation Operation,
    string UserId,
    string? TaskId,
    int? HttpStatus,
    int? ApiCode,
    FaultKind? Fault,
    TimeSpan Duration,
    string? Client = null);
