using System.Text.Json;

namespace TaskApi.Simulator.Control;

/// <summary><c>POST /_simulator/tasks</c>, and an entry of a seed file's <c>tasks</c>.</summary>
/// <param name="Body">Initial body as JSON; stored as the exact text of this value.</param>
/// <param name="BodyText">Initial body as a string (wins over <paramref name="Body"/>).</param>
/// <param name="Running">Shorthand: true is <c>dialling</c>, false is <c>paused</c> (<paramref name="Status"/> wins).</param>
internal sealed record TaskRequest(
    string? UserId,
    string? TaskId,
    string? SubUserId = null,
    TaskFlavour Flavour = TaskFlavour.V2,
    JsonElement? Body = null,
    string? BodyText = null,
    SimulatedTaskStatus? Status = null,
    bool? Running = null)
{
    public TaskDefinition ToDefinition()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(TaskId))
        {
            throw new ArgumentException("user_id and task_id are required");
        }

        return new TaskDefinition(UserId, TaskId)
        {
            SubUserId = string.IsNullOrEmpty(SubUserId) ? null : SubUserId,
            Flavour = Flavour,
            InitialBody = BodyText ?? (Body is { ValueKind: not JsonValueKind.Null } body ? body.GetRawText() : null),
            Status = Status ?? (Running == true ? SimulatedTaskStatus.Dialling : SimulatedTaskStatus.Paused),
        };
    }
}
