namespace Reconciler.Service.Http;

/// <summary>
/// <c>POST /sync</c>'s 202 answer (read by <c>reconciler sync</c> with <see cref="Reconciler.Service.Status.StatusJson"/>): the request's
/// ticket, which the run answering it carries in <c>/status</c> (<see cref="Reconciler.Service.Status.RunStatusView.SyncTicket"/>).
/// </summary>
public sealed record SyncAnswer(string Status, long Ticket)
{
    /// <summary>With <c>?resume=true</c>: the hold released (<c>the rollout of … halted after batch …</c>), or <c>nothing was held back</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Resumed { get; init; }
}
