using System.Text.Encodings.Web;
using System.Text.Json;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Tasks;

namespace Reconciler.Service.Status;

/// <summary>
/// How the <see cref="StatusSnapshot"/> contract is written by the service and read by the CLI: snake_case like the
/// plan JSON, indented, Chinese kept readable, and every enum as its one word (task states, triggers, plan actions,
/// roles), so no reader spells them.
/// </summary>
public static class StatusJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // task names are Chinese: keep them readable
        Converters =
        {
            new WordConverter<TaskState>(TaskStateWords.ToWord),
            new WordConverter<RunTrigger>(RunTriggerWords.ToWord),
            new WordConverter<PlanAction>(PlanActions.ToWord),
            new WordConverter<ReplicaRole>(ReplicaRoleWords.ToWord),
        },
    };

    /// <exception cref="JsonException">Not a <c>/status</c> answer of this contract version.</exception>
    public static StatusSnapshot Read(string json)
    {
        var status = JsonSerializer.Deserialize<StatusSnapshot>(json, Options) ?? throw new JsonException("/status answered null");
        return status.Version == StatusSnapshot.ContractVersion
            ? status
            : throw new JsonException($"/status is version {status.Version}; this reconciler reads version {StatusSnapshot.ContractVersion}");
    }
}
