using System.Text.Json.Nodes;

namespace TaskApi.Simulator;

/// <summary>Edits made "from the platform's web console": a supervisor changes a task without the API.</summary>
public sealed partial class SimulatorState
{
    // Stored as the platform would keep it: Chinese as text, not \u escapes.
    private static readonly System.Text.Json.JsonSerializerOptions ConsoleJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Merges <paramref name="patch"/> into the stored body (RFC 7396 merge patch: objects merge, a null removes a
    /// field, anything else replaces it). Not a PUT: no counter moves, no rule is checked — a console can do that.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such task.</exception>
    public TaskSnapshot EditAsConsole(string userId, string taskId, JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return Mutate(() =>
        {
            var task = _tasks.GetValueOrDefault((userId, taskId)) ?? throw new KeyNotFoundException($"no task {userId}/{taskId}");
            var body = (task.Body is null ? null : JsonNode.Parse(task.Body) as JsonObject) ?? [];
            Merge(body, patch);
            task.Body = body.ToJsonString(ConsoleJson);
            task.UpdatedAt = Time.GetUtcNow();
            return task.Snapshot();
        });
    }

    /// <summary>Puts <paramref name="field"/> (dotted) back as it was in <paramref name="earlierBody"/>, or removes it: the <c>IgnoreField</c> fault.</summary>
    internal void KeepField(string userId, string taskId, string field, string? earlierBody)
    {
        var path = field.Split('.');
        JsonNode? earlier = earlierBody is null ? null : JsonNode.Parse(earlierBody);
        foreach (var key in path)
        {
            earlier = (earlier as JsonObject)?[key];
        }

        JsonObject patch = new() { [path[^1]] = earlier?.DeepClone() };
        for (var i = path.Length - 2; i >= 0; i--)
        {
            patch = new JsonObject { [path[i]] = patch };
        }

        EditAsConsole(userId, taskId, patch);
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject inner && target[key] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
