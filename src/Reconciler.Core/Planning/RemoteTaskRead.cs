using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Core.Planning;

/// <summary>What reading one task's detail (<c>GET …/task/{task_id}/edit</c>) gave.</summary>
/// <param name="State">Whether it runs, when the answer told; null when it could not be read.</param>
/// <param name="Detail">The answer's <c>data</c> object as the platform sent it; null when it could not be read.</param>
/// <param name="Problem">Why it could not be read (never holds a token); null on success.</param>
public sealed record RemoteTaskRead(RemoteTaskState? State, JsonObject? Detail, string? Problem)
{
    /// <summary>Set when the read failed because of the platform or the account (unreachable, token refused), not the task.</summary>
    public Applying.PlatformFailure? Platform { get; init; }

    /// <summary>The read got no complete answer within its deadline (a platform that answers slowly, an answer that drips).</summary>
    public bool TimedOut { get; init; }

    /// <summary>
    /// The same <see cref="Detail"/> as the parsed element it was read into, when the reader has one (the HTTP client):
    /// comparing it builds no nodes. Null from readers that only have the node.
    /// </summary>
    public JsonElement? DetailElement { get; init; }

    /// <summary>The detail as an element: <see cref="DetailElement"/>, else the node written out once.</summary>
    public JsonElement? DetailAsElement() => DetailElement ?? (Detail is { } detail ? Json.JsonNodeElement.Of(detail) : null);

    public static RemoteTaskRead Failed(string problem) => new(null, null, problem);
}
