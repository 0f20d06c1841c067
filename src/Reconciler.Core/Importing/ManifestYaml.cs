using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Importing;

/// <summary>
/// Writes an imported task as a manifest people will edit: block YAML, strings double-quoted (a JSON string is a
/// valid YAML double-quoted scalar, so nothing is re-typed: <c>"09:00"</c> stays text), numbers exactly as the
/// platform sent them (ids beyond 2^53 included), Chinese as it is, and comments saying where it came from and
/// what could not be mapped.
/// </summary>
public static partial class ManifestYaml
{
    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ImportedTask task, string schemaPath, string source)
    {
        ArgumentNullException.ThrowIfNull(task);
        var yaml = new StringBuilder();
        yaml.Append("# yaml-language-server: $schema=").Append(schemaPath).Append('\n');
        yaml.Append("# Imported by `reconciler import` from ").Append(source).Append('\n');
        yaml.Append("# The platform's detail answer carries only some body fields (see the README, \"Onboarding\"): add any other\n");
        yaml.Append("# field this task uses (is_group_switch, remark, redial settings, …) before you change and apply it.\n");
        if (task.Unmapped.Count > 0)
        {
            yaml.Append("# Detail fields that are not body fields, not imported: ").Append(string.Join(", ", task.Unmapped)).Append('\n');
        }

        yaml.Append("apiVersion: ").Append(task.Flavour.ToApiVersion()).Append('\n');
        yaml.Append("kind: Task\nmetadata:\n");
        yaml.Append("  user_id: ").Append(Quote(task.Identity.UserId)).Append('\n');
        yaml.Append("  task_id: ").Append(Quote(task.Identity.TaskId)).Append('\n');
        if (task.SubUserId is { } subUser)
        {
            yaml.Append("  sub_user_id: ").Append(Quote(subUser)).Append('\n');
        }

        yaml.Append("spec:\n");
        WriteObject(yaml, task.Spec, 1);
        return yaml.ToString();
    }

    private static void WriteObject(StringBuilder yaml, JsonObject value, int depth)
    {
        foreach (var (key, child) in value)
        {
            yaml.Append(' ', depth * 2).Append(Key(key)).Append(':');
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
                            yaml.Append(first ? " " : new string(' ', ((depth + 1) * 2) + 2)).Append(Key(key)).Append(':');
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

    /// <summary>A value on one line: scalars, empty containers and arrays of scalars (<c>[1, 2]</c>).</summary>
    private static string Flow(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "{" + string.Join(", ", value.AsObject().Select(p => $"{Key(p.Key)}: {Flow(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(", ", array.Select(Flow)) + "]",
        _ when value.GetValueKind() == JsonValueKind.String => Quote(value.GetValue<string>()),
        _ => value.ToJsonString(),
    };

    private static string Quote(string text) => JsonSerializer.Serialize(text, Strings);

    private static string Key(string key) => PlainKey().IsMatch(key) ? key : Quote(key);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainKey();
}
