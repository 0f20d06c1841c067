using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Importing;

/// <summary>
/// Writes an imported task as a manifest people will edit: block YAML, strings double-quoted with every unprintable
/// character escaped (<see cref="YamlText"/>: <c>"09:00"</c> stays text, and no value can end its line or start a
/// second document), numbers exactly as the platform sent them (ids beyond 2^53 included), Chinese as it is, and
/// comments — each one escaped line — saying where it came from and what was not imported.
/// </summary>
public static class ManifestYaml
{
    public static string Write(ImportedTask task, string schemaPath, string source)
    {
        ArgumentNullException.ThrowIfNull(task);
        var apiVersion = task.Flavour.ToApiVersion();
        var yaml = new StringBuilder();
        yaml.Append(YamlText.Comment("yaml-language-server: $schema=" + schemaPath));
        yaml.Append(YamlText.Comment("Imported by `reconciler import` from " + source));
        yaml.Append(YamlText.Comment($"Every field the platform's task detail reports under a {apiVersion} body field name is below (README, \"Onboarding\")."));
        if (task.ReportedEmpty.Count > 0)
        {
            yaml.Append(YamlText.Comment("Reported empty (null) by the platform, left out: " + YamlText.List(task.ReportedEmpty)));
        }

        if (task.NotImported.Count > 0)
        {
            yaml.Append(YamlText.Comment($"Detail fields not imported (not {apiVersion} body fields; docs/live-platform.md): " + YamlText.List(task.NotImported)));
        }

        yaml.Append("apiVersion: ").Append(apiVersion).Append('\n');
        yaml.Append("kind: Task\nmetadata:\n");
        yaml.Append("  user_id: ").Append(YamlText.Quote(task.Identity.UserId)).Append('\n');
        yaml.Append("  task_id: ").Append(YamlText.Quote(task.Identity.TaskId)).Append('\n');
        if (task.SubUserId is { } subUser)
        {
            yaml.Append("  sub_user_id: ").Append(YamlText.Quote(subUser)).Append('\n');
        }

        yaml.Append("spec:");
        WriteValue(yaml, task.Spec, 0);
        return yaml.ToString();
    }

    /// <summary>The fields of an object as block YAML, each key indented by <paramref name="depth"/> levels (also for TaskSet files).</summary>
    internal static void WriteObject(StringBuilder yaml, JsonObject value, int depth)
    {
        foreach (var (key, child) in value)
        {
            yaml.Append(' ', depth * 2).Append(YamlText.Key(key)).Append(':');
            WriteValue(yaml, child, depth);
        }
    }

    private static void WriteValue(StringBuilder yaml, JsonNode? value, int depth)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } inner:
                yaml.Append('\n');
                WriteObject(yaml, inner, depth + 1);
                break;
            case JsonArray { Count: > 0 } array when array.Any(e => e is JsonObject or JsonArray):
                yaml.Append('\n');
                foreach (var element in array)
                {
                    yaml.Append(' ', (depth + 1) * 2).Append('-');
                    if (element is JsonObject { Count: > 0 } item)
                    {
                        // The first field on the dash line, the rest aligned under it.
                        var first = true;
                        foreach (var (key, child) in item)
                        {
                            yaml.Append(first ? " " : new string(' ', ((depth + 1) * 2) + 2)).Append(YamlText.Key(key)).Append(':');
                            WriteValue(yaml, child, depth + 2);
                            first = false;
                        }
                    }
                    else
                    {
                        yaml.Append(' ').Append(Flow(element)).Append('\n');
                    }
                }

                break;
            default:
                yaml.Append(' ').Append(Flow(value)).Append('\n');
                break;
        }
    }

    /// <summary>A value on one line: scalars, empty containers, and containers inside a flow array (<c>[1, 2]</c>).</summary>
    private static string Flow(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => $"{YamlText.Key(p.Key)}: {Flow(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(", ", array.Select(Flow)) + "]",
        _ when value.GetValueKind() == JsonValueKind.String => YamlText.Quote(value.GetValue<string>()),
        _ => value.ToJsonString(),
    };
}
